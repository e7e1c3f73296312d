-- wrk script: each request posts one new shop-route trace (7 spans from four
-- services, OTLP/HTTP JSON) to a console's /v1/traces. `delay` paces each
-- connection, so `-c N` connections send at most N * 1000 / DELAY_MS traces/s.
local DELAY_MS = tonumber(os.getenv("OTLP_DELAY_MS") or "4")

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

request = function()
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
  local body = '{"resourceSpans":[' .. table.concat(resources, ",") .. ']}'
  return wrk.format("POST", "/v1/traces", { ["Content-Type"] = "application/json" }, body)
end

delay = function() return DELAY_MS end
