-- A token bucket shared by every gateway instance. Time comes from Redis, so that the
-- instances' clocks never have to agree.
--
-- KEYS[1]  the bucket (a hash: t = tokens, at = last update in epoch milliseconds)
-- ARGV[1]  capacity
-- ARGV[2]  tokens added per millisecond
-- ARGV[3]  tokens to take
-- ARGV[4]  '1': take them even if the bucket cannot afford them (an instance already
--          spent them locally and is reporting); '0': take them only if it can
-- ARGV[5]  time to live of the key in milliseconds (long enough to refill completely)
--
-- Returns { 1 if taken else 0, tokens left as a string }.
--
-- token-buckets-report.lua repeats the refill and the debt below, since one script cannot
-- call another: a change to either belongs in both.
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])

local state = redis.call('HMGET', KEYS[1], 't', 'at')
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

local taken = 0
if ARGV[4] == '1' then
  -- Overspending leaves a debt, paid back by refilling, but never more than one bucket.
  tokens = math.max(-capacity, tokens - cost)
  taken = 1
elseif tokens >= cost then
  tokens = tokens - cost
  taken = 1
end

redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return { taken, tostring(tokens) }
