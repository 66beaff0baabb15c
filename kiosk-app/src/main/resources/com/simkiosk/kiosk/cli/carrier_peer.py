"""The plain peer of `./kiosk bench carrier --peer`: the kiosk's lookup + balance with Python's http.client.

One HTTP/1.1 keep-alive connection to the carrier simulator, the same two TMF calls the kiosk makes when a SIM is
inserted (TMF637 product by ICCID, TMF654 buckets of that product) with the same headers (Accept, bearer token,
x-correlator), each answer parsed with json.loads and the fields the kiosk needs taken from it. The token is fetched
once (OAuth client credentials, HTTP Basic), as the kiosk caches its own.

Usage: python3 carrier_peer.py HOST PORT CLIENT_ID CLIENT_SECRET PRODUCT_QUERY BUCKET_QUERY ICCID...
  PRODUCT_QUERY / BUCKET_QUERY: path and query with {iccid} / {productId}, e.g.
  /tmf-api/productInventory/v4/product?realizingResource.id={iccid}
Then, for each line "N" read on standard input, runs N lookup + balance pairs and prints one line per pair,
"LOOKUP_NS BALANCE_NS" (time.perf_counter_ns), then "end". Ends at end of input. Errors: "error: ..." and exit 1.
"""
import base64
import http.client
import json
import sys
import time
import urllib.parse
import uuid


def main(argv):
    host, port, client_id, secret, product_query, bucket_query = argv[1:7]
    iccids = argv[7:]
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    basic = base64.b64encode(
        (urllib.parse.quote_plus(client_id) + ":" + urllib.parse.quote_plus(secret)).encode()).decode()
    conn.request("POST", "/oauth2/token", body="grant_type=client_credentials",
                 headers={"Authorization": "Basic " + basic, "Accept": "application/json",
                          "Content-Type": "application/x-www-form-urlencoded"})
    answer = conn.getresponse()
    token = json.loads(answer.read())["access_token"]
    if answer.status != 200:
        raise RuntimeError("token endpoint answered %d" % answer.status)
    bearer = "Bearer " + token

    def get(path):
        conn.request("GET", path, headers={"Accept": "application/json", "Authorization": bearer,
                                           "x-correlator": str(uuid.uuid4())})
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError("%s answered %d" % (path.split("?")[0], response.status))
        return json.loads(body)

    done = 0
    out = sys.stdout
    for command in sys.stdin:
        n = int(command)
        rows = []
        for _ in range(n):
            iccid = iccids[done % len(iccids)]
            done += 1
            start = time.perf_counter_ns()
            products = get(product_query.replace("{iccid}", urllib.parse.quote_plus(iccid)))
            product = products[0]
            product_id, status = product["id"], product["status"]
            found = time.perf_counter_ns()
            buckets = get(bucket_query.replace("{productId}", urllib.parse.quote_plus(product_id)))
            for bucket in buckets:
                bucket.get("remainingValue"), bucket.get("validFor"), bucket.get("product")
            end = time.perf_counter_ns()
            rows.append("%d %d" % (found - start, end - found))
        out.write("\n".join(rows + ["end"]) + "\n")
        out.flush()
    conn.close()


if __name__ == "__main__":
    try:
        main(sys.argv)
    except Exception as e:  # one line for the Java side, never a traceback
        print("error: %s: %s" % (type(e).__name__, e), flush=True)
        sys.exit(1)
