"""``python -m bot.web``: start the web page on localhost (port from RUSTPUNT_WEB_PORT, 8080).

Binds 127.0.0.1 unless RUSTPUNT_WEB_HOST says otherwise; see docs/web.md for every setting."""
from __future__ import annotations

import logging
import sys
import threading

from bot.web.config import ConfigError, WebConfig
from bot.web.server import make_server, warm_up


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("sanic.root").setLevel(logging.WARNING)  # no start banner; our own lines say where we run
    try:
        config = WebConfig.from_env()
    except ConfigError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    try:
        server = make_server(config)
    except OSError as exc:
        print(
            f"Fout: de webpagina kan niet starten op {config.host}:{config.port} ({exc.strerror or exc}). "
            "Is de poort al in gebruik? Kies een andere met RUSTPUNT_WEB_PORT.",
            file=sys.stderr,
        )
        return 1
    if config.host in ("0.0.0.0", "::") and not config.allowed_hosts:
        print("Let op: de server luistert op alle netwerken, maar accepteert alleen localhost als adres. "
              "Zet RUSTPUNT_WEB_ALLOWED_HOSTS op de hostnaam die browsers gebruiken.", flush=True)
    host = "localhost" if config.host in ("127.0.0.1", "::1") else config.host
    print(f"Rustpunt-webpagina: http://{host}:{server.server_address[1]}/  (assistent: {config.rasa_url})", flush=True)
    if config.trainer_configured:
        print(f"Trainerspagina: http://{host}:{server.server_address[1]}/trainer", flush=True)
        # the first login would wait seconds for the store, the knowledge and the templates: load them now, beside
        # the running server (the chat page does not wait for it)
        threading.Thread(target=warm_up, name="rustpunt-opwarmen", daemon=True).start()
    elif config.trainer_token:
        print("Let op: RUSTPUNT_TRAINER_TOKEN is korter dan 12 tekens; de trainerspagina blijft dicht.", flush=True)
    else:
        print("Trainerspagina staat uit: zet RUSTPUNT_TRAINER_TOKEN om hem te openen.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Webpagina gestopt.")
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
