-- Loads entities urn:bench:1, 2, … with PUTs, each wrk thread taking its own stripe of ids; load.sh stops it.
local token = os.getenv("TOKEN")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("stripe", counter)
end

function init(args)
  stride = tonumber(os.getenv("THREADS"))
  next_id = stripe
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  local id = next_id
  next_id = next_id + stride
  return wrk.format("PUT", "/v1/entities/urn:bench:" .. id, nil,
    '{"type":"dataset","domain":"bench","owner":"team","tags":["a"],"attributes":{"n":' .. id .. '}}')
end
