# Varnish 7 in front of Factline, purged by surrogate key (docs/decisions/022-edge-cache.md).
# Needs Debian's `varnish` and `varnish-modules` (the xkey module). Run it with the app's purge
# secret in its environment, the same value as the app's FACTLINE_PURGE_SECRET:
#
#   FACTLINE_PURGE_SECRET=… varnishd -a :80 -f /etc/varnish/factline.vcl -s malloc,1G
#
# and point the app at it: FACTLINE_PURGE_URL=http://<varnish host>/ (README, "Deployment").
# Set the backend below to the app (or a load balancer in front of several app processes).
# The app keeps an idle connection 65 s (lib/http/keep-alive.mjs), longer than Varnish's own
# backend_idle_timeout (60 s), so Varnish never reuses one the app has just closed. A balancer in
# between must keep its idle connections to the app shorter than 65 s too.
vcl 4.1;

import std;
import xkey;

backend factline {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may purge, besides knowing the secret: the app's machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        if (std.getenv("FACTLINE_PURGE_SECRET") == "" || req.http.x-purge-secret != std.getenv("FACTLINE_PURGE_SECRET")) {
            return (synth(403, "Wrong purge secret"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header: name the keys to purge"));
        }
        # A hard purge: the pages are gone at once, not kept to be served stale.
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged + " objects"));
    }
    unset req.http.x-purge-secret;
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A signed-in person is never served a shared copy, and their pages are never kept.
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?factline\.session_token=[^;]") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Any other cookie (a reader's analytics, say) changes nothing the app sends a reader.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Kept only when it can be purged (it names its records), it is shared by the app's leave,
    # and it sets no cookie. Anything else is passed through and not remembered (no hit-for-miss:
    # the next request may well be cacheable).
    if (!beresp.http.surrogate-key || beresp.http.Set-Cookie || beresp.status >= 500 ||
        beresp.http.Cache-Control !~ "s-maxage" || beresp.http.Cache-Control ~ "private|no-store") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # xkey reads the keys from this header (space-separated, as the app writes them).
    set beresp.http.xkey = beresp.http.surrogate-key;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.x-cache = "HIT";
    } else {
        set resp.http.x-cache = "MISS";
    }
}
