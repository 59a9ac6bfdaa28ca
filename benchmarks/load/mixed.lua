-- 95 % GETs over the hot set, 5 % PUTs with 1 KiB of attributes.
local hot = tonumber(os.getenv("HOT"))
local token = os.getenv("TOKEN")
local attributes = '{"blob":"' .. string.rep("x", 1012) .. '"}'
request = function()
  local id = "urn:bench:" .. math.random(1, hot)
  if math.random(1, 100) <= 5 then
    return wrk.format("PUT", "/v1/entities/" .. id,
      {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token},
      '{"type":"dataset","attributes":' .. attributes .. ',"owner":"m' .. math.random(1, 1000000) .. '"}')
  end
  return wrk.format("GET", "/v1/entities/" .. id)
end
