-- Walks urn:bench:1, 2, … in turn, each wrk thread on its own stripe of ids. MODE=put creates them (loading; load.sh
-- stops it once enough exist); MODE=get reads urn:bench:1..HOT over and over (every hot entity read at least once).
local put = os.getenv("MODE") == "put"
local hot = tonumber(os.getenv("HOT"))
local token = os.getenv("TOKEN")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("stripe", counter)
end

function init(args)
  stride = tonumber(os.getenv("THREADS"))
  next_id = stripe
end

function request()
  local id = next_id
  next_id = next_id + stride
  if put then
    return wrk.format("PUT", "/v1/entities/urn:bench:" .. id,
      {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token},
      '{"type":"dataset","domain":"bench","owner":"team","tags":["a"],"attributes":{"n":' .. id .. '}}')
  end
  if next_id > hot then next_id = stripe end
  return wrk.format("GET", "/v1/entities/urn:bench:" .. id)
end
