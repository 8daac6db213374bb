#!/usr/bin/env python3
"""Helpers for bench/logistics (standard library only).

  logistics.py fake-ghn PORT
      Serves GHN's v2/shipping-order/create under /shiip/public-api as GHN documents it
      (the envelope {code, message, data}; data.order_code is "GHN" + the client order
      code, so a repeated code gets the same waybill) until killed.

  logistics.py prepare BASE COUNT DIR
      Signs in as the demo admin, takes COUNT products in stock, places one cash-on-
      delivery order for each with GHN chosen (POST /api/v1/checkout, delivery
      "ghn:standard") and books it (POST /api/v1/orders/{id}/shipments). Writes the
      product ids to DIR/ids and "waybill client_code" lines to DIR/waybills.

  logistics.py count DATABASE
      Prints the number of stored carrier notifications (SQLite file or postgres:// URL).
"""

import http.server
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from httpget import Client  # noqa: E402
from checkout import call, expect, sign_in  # noqa: E402


class FakeGhn(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if self.path.endswith("/v2/shipping-order/create"):
            code = body.get("client_order_code", "")
            answer = {"code": 200, "message": "Success", "data": {
                "order_code": "GHN" + code.replace("-", ""), "sort_code": "000", "trans_type": "truck",
                "total_fee": 36500, "expected_delivery_time": "2027-01-05T16:59:59Z"}}
        else:
            answer = {"code": 400, "message": "not in this test server"}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def prepare(base, count, out_dir):
    client = Client(base)
    token = sign_in(client)
    status, data = call(client, "GET", "/api/v1/products?per_page=100&in_stock=1")
    products = [p["id"] for p in expect(status, data, 200, "GET /api/v1/products")["items"]][:count]
    waybills = []
    for product_id in products:
        status, data = call(client, "GET", f"/api/v1/products/{product_id}")
        producer = expect(status, data, 200, "GET product")["producer_id"]
        body = {
            "items": [{"product_id": product_id, "quantity": 1}],
            "buyer": {"name": "Bench Buyer", "phone": "0912345678"},
            "shipping": {"province_code": "01", "commune_code": "00004", "street": "12 Hang Bong"},
            "payment_method": "cod",
            "delivery": {str(producer): "ghn:standard"},
        }
        status, data = call(client, "POST", "/api/v1/checkout", body)
        order = expect(status, data, 201, "POST /api/v1/checkout")["orders"][0]
        status, data = call(client, "POST", f"/api/v1/orders/{order['id']}/shipments", {}, token)
        shipment = expect(status, data, 201, "POST shipments")[0]
        waybills.append(f"{shipment['tracking_code']} {shipment['code']}")
    with open(os.path.join(out_dir, "ids"), "w") as f:
        f.write("\n".join(str(p) for p in products) + "\n")
    with open(os.path.join(out_dir, "waybills"), "w") as f:
        f.write("\n".join(waybills) + "\n")
    print(f"{len(waybills)} GHN parcels booked")


def count(database):
    query = "SELECT count(*) FROM carrier_notifications"
    if database.startswith("postgres"):
        print(subprocess.check_output(["psql", "-Atq", database, "-c", query], text=True).strip())
    else:
        import sqlite3
        print(sqlite3.connect(database).execute(query).fetchone()[0])


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "fake-ghn":
        http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), FakeGhn).serve_forever()
    elif command == "prepare":
        prepare(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif command == "count":
        count(sys.argv[2])
    else:
        sys.exit(__doc__)
