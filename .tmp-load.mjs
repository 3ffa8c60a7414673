import http from "node:http";
import { createRequire } from "node:module";
const autocannon = createRequire(import.meta.url)("autocannon");
const host = "demo.localhost:3200";
function req(method, path, headers, body) { return new Promise((res, rej) => { const r = http.request({ host: "127.0.0.1", port: 3200, path, method, headers: { host, ...headers } }, (s) => { let b = ""; s.on("data", (c) => (b += c)); s.on("end", () => res({ status: s.statusCode, body: b, cookies: s.headers["set-cookie"] ?? [] })); }); r.on("error", rej); r.end(body); }); }
const csrf = await req("GET", "/api/auth/csrf", {});
const token = JSON.parse(csrf.body).csrfToken;
const form = new URLSearchParams({ csrfToken: token, email: "owner@demo.local", password: "demo-owner", json: "true" }).toString();
const s = await req("POST", "/api/auth/callback/credentials", { origin: `http://${host}`, "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookies.map((c) => c.split(";")[0]).join("; ") }, form);
const cookie = s.cookies.map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
const r = await autocannon({ url: "http://127.0.0.1:3200/api/trpc/tenant.overview", headers: { host, cookie }, connections: 20, duration: 6 });
console.log("p99", r.latency.p99);
console.log("rps", r.requests.average, "non2xx", r.non2xx);
