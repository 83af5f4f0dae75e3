#!/usr/bin/env python3
"""A webhook receiver for Backend Roadmap, in the standard library only: checks each delivery's
Standard Webhooks signature (HMAC-SHA256 over "id.timestamp.body" with the endpoint's secret) and
its age, then prints the event. Usage: WEBHOOK_SECRET=whsec_... python3 webhook-receiver.py [port]"""
import base64, hashlib, hmac, json, os, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer

KEY = base64.b64decode(os.environ["WEBHOOK_SECRET"].removeprefix("whsec_"))


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        msg_id, timestamp = self.headers["webhook-id"], self.headers["webhook-timestamp"]
        signed = f"{msg_id}.{timestamp}.".encode() + body
        expected = "v1," + base64.b64encode(hmac.new(KEY, signed, hashlib.sha256).digest()).decode()
        valid = any(hmac.compare_digest(expected, s) for s in self.headers["webhook-signature"].split())
        fresh = abs(time.time() - int(timestamp)) < 300  # refuse replays of old messages
        self.send_response(204 if valid and fresh else 401)
        self.end_headers()
        event = json.loads(body)
        print(f"{msg_id} signature {'valid' if valid else 'INVALID'}: {event['type']} {json.dumps(event['data'])}",
              flush=True)

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 9099), Receiver).serve_forever()
