-- wrk script: POST a contact with an email no other request uses (one counter per thread),
-- keeping the headers given with -H (the token)
local counter = 0
local threads = 0

function setup(thread)
	threads = threads + 1
	thread:set("thread_id", threads)
end

function request()
	counter = counter + 1
	local headers = {}
	for name, value in pairs(wrk.headers) do
		headers[name] = value
	end
	headers["Content-Type"] = "application/json"
	local email = string.format("bench-%s-%d-%d@example.com", os.getenv("BENCH_RUN") or "0", thread_id or 0, counter)
	local body = string.format('{"firstName":"Bench","lastName":"Load","email":"%s"}', email)
	return wrk.format("POST", nil, headers, body)
end
