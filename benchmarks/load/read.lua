-- GET /v1/entities/{id} over the hot set urn:bench:1..HOT.
local hot = tonumber(os.getenv("HOT"))
request = function()
  return wrk.format("GET", "/v1/entities/urn:bench:" .. math.random(1, hot))
end
