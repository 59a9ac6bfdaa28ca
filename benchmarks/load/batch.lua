-- GET /v1/entities?ids= with 20 ids of the hot set.
local hot = tonumber(os.getenv("HOT"))
request = function()
  local ids = {}
  for i = 1, 20 do ids[i] = "urn:bench:" .. math.random(1, hot) end
  return wrk.format("GET", "/v1/entities?ids=" .. table.concat(ids, ","))
end
