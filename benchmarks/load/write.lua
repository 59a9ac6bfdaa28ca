-- PUT /v1/entities/{id} with 1 KiB of attributes on random ids (new and existing).
local attributes = '{"blob":"' .. string.rep("x", 1012) .. '"}'
local entities = tonumber(os.getenv("ENTITIES"))
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
request = function()
  return wrk.format(nil, "/v1/entities/urn:bench:" .. math.random(1, entities * 2), nil,
    '{"type":"dataset","attributes":' .. attributes .. ',"owner":"w' .. math.random(1, 1000000) .. '"}')
end
