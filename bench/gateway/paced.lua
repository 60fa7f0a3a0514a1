-- Paces each connection: after every response it waits PACE_MS before the next
-- request, so that the measured latency is the cost of a request at moderate load
-- rather than queueing at saturation.
local pace = tonumber(os.getenv("PACE_MS") or "2")

function delay()
  return pace
end
