-- wrk script: each request posts TRACES new shop-route traces (7 spans from
-- four services each, OTLP/HTTP JSON) to a console's /v1/traces, a batch as an
-- SDK's batch span processor sends. `delay` paces each connection: one request
-- per (DELAY_MS + latency), so `-c N` sends under N * TRACES * 1000 / DELAY_MS traces/s.
local DELAY_MS = tonumber(os.getenv("OTLP_DELAY_MS") or "4")
local TRACES = tonumber(os.getenv("OTLP_TRACES_PER_REQUEST") or "1")

math.randomseed(os.time())
local function hex(n)
  local digits = {}
  for i = 1, n do digits[i] = string.format("%x", math.random(0, 15)) end
  return table.concat(digits)
end

local function span(trace, id, parent, name, kind, startNs, endNs, attrs)
  return string.format(
    '{"traceId":"%s","spanId":"%s","parentSpanId":"%s","name":"%s","kind":%d,' ..
    '"startTimeUnixNano":"%s","endTimeUnixNano":"%s","attributes":[%s],"status":{"code":0}}',
    trace, id, parent, name, kind, startNs, endNs, attrs or "")
end

local function resource(service, spans)
  return string.format(
    '{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"%s"}}]},' ..
    '"scopeSpans":[{"scope":{"name":"junction"},"spans":[%s]}]}',
    service, table.concat(spans, ","))
end

local function ns(base, offsetUs) return string.format("%d%06d000", base, offsetUs) end

local function traceResources()
  local trace, root = hex(32), hex(16)
  local s = os.time()
  local calls = { { "catalog", "catalog.v1.CatalogService/GetProduct" },
                  { "inventory", "inventory.v1.InventoryService/GetStock" },
                  { "reviews", "reviews.v1.ReviewService/ListReviews" } }
  local gateway = { span(trace, root, "", "GET /api/v1/products/:id", 2, ns(s, 0), ns(s, 2500),
    '{"key":"http.route","value":{"stringValue":"/api/v1/products/:id"}},' ..
    '{"key":"http.response.status_code","value":{"intValue":"200"}}') }
  local resources = {}
  for i, call in ipairs(calls) do
    local client, server = hex(16), hex(16)
    gateway[#gateway + 1] = span(trace, client, root, call[2], 3, ns(s, 100), ns(s, 2000),
      '{"key":"peer.service","value":{"stringValue":"' .. call[1] .. '"}}')
    resources[#resources + 1] = resource(call[1],
      { span(trace, server, client, call[2], 2, ns(s, 300), ns(s, 1800)) })
  end
  table.insert(resources, 1, resource("gateway", gateway))
  return table.concat(resources, ",")
end

request = function()
  local batch = {}
  for i = 1, TRACES do batch[i] = traceResources() end
  local body = '{"resourceSpans":[' .. table.concat(batch, ",") .. ']}'
  return wrk.format("POST", "/v1/traces", { ["Content-Type"] = "application/json" }, body)
end

delay = function() return DELAY_MS end
