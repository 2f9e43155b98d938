-- wrk script for bench/admin_load.sh: the read endpoints an operator's dashboard and Prometheus
-- poll, in turn on every connection (the bearer token comes with wrk -H).
local paths = {"/metrics", "/jobs", "/jobs/statements/runs?limit=5", "/health", "/files?state=quarantined"}
local next_path = 0

request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
