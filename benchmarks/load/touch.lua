-- Reads urn:bench:1..HOT in turn (each wrk thread its own stripe), so every hot entity is in the near cache.
local hot = tonumber(os.getenv("HOT"))
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
  if next_id > hot then next_id = stripe end
  return wrk.format("GET", "/v1/entities/urn:bench:" .. id)
end
