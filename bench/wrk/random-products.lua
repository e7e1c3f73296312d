-- wrk script: GET /api/v1/products/:id over random ids 1-1000.
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/v1/products/" .. math.random(1, 1000))
end
