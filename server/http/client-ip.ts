// The client's address, set by the web server from the socket (or, with TRUST_PROXY, from the
// reverse proxy's X-Forwarded-For). Anything a client sends in this header is overwritten.
import "server-only";

export const CLIENT_IP_HEADER = "x-rrnet-client-ip";
