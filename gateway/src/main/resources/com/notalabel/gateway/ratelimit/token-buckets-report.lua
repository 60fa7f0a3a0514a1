-- Reports what one gateway instance spent locally on many buckets since its last report,
-- in one call: the same arithmetic as token-bucket.lua taking tokens already spent, once
-- per key (repeated, since one script cannot call another: a change belongs in both). Time comes from Redis, so that the instances' clocks never have to agree.
--
-- KEYS[i]        a bucket (a hash: t = tokens, at = last update in epoch milliseconds)
-- ARGV[4i-3]     its capacity
-- ARGV[4i-2]     tokens added per millisecond
-- ARGV[4i-1]     tokens spent since the last report
-- ARGV[4i]       time to live of the key in milliseconds (long enough to refill completely)
--
-- Returns the tokens left in each bucket, as strings, in the order of KEYS.
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local left = {}
for i, key in ipairs(KEYS) do
  local capacity = tonumber(ARGV[4 * i - 3])
  local rate = tonumber(ARGV[4 * i - 2])
  local cost = tonumber(ARGV[4 * i - 1])
  local state = redis.call('HMGET', key, 't', 'at')
  local tokens = tonumber(state[1])
  local at = tonumber(state[2])
  if tokens == nil or at == nil then
    tokens = capacity
    at = now
  end
  if now > at then
    tokens = math.min(capacity, tokens + (now - at) * rate)
    at = now
  end
  -- Overspending leaves a debt, paid back by refilling, but never more than one bucket.
  tokens = math.max(-capacity, tokens - cost)
  redis.call('HSET', key, 't', tostring(tokens), 'at', tostring(at))
  redis.call('PEXPIRE', key, ARGV[4 * i])
  left[i] = tostring(tokens)
end
return left
