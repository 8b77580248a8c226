"""Settings of the web server, read from the environment once at start-up."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping, Optional

DEFAULT_PORT = 8080
DEFAULT_HOST = "127.0.0.1"
DEFAULT_RASA_URL = "http://localhost:5005"
MIN_TOKEN_LENGTH = 12


class ConfigError(ValueError):
    """A setting has a value we cannot use; the message is Dutch and shown to whoever starts us."""


@dataclass(frozen=True)
class WebConfig:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    rasa_url: str = DEFAULT_RASA_URL
    trainer_token: Optional[str] = None
    chat_timeout: float = 60.0
    history_timeout: float = 15.0

    @property
    def trainer_configured(self) -> bool:
        return bool(self.trainer_token) and len(self.trainer_token) >= MIN_TOKEN_LENGTH

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "WebConfig":
        env = os.environ if env is None else env
        raw_port = env.get("RUSTPUNT_WEB_PORT", "").strip()
        port = DEFAULT_PORT
        if raw_port:
            if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
                raise ConfigError(
                    f"RUSTPUNT_WEB_PORT moet een poortnummer tussen 1 en 65535 zijn, niet {raw_port!r}."
                )
            port = int(raw_port)
        rasa_url = env.get("RUSTPUNT_RASA_URL", "").strip() or DEFAULT_RASA_URL
        if not rasa_url.startswith(("http://", "https://")):
            raise ConfigError(f"RUSTPUNT_RASA_URL moet met http:// of https:// beginnen, niet {rasa_url!r}.")
        token = env.get("RUSTPUNT_TRAINER_TOKEN", "").strip() or None
        return cls(
            host=env.get("RUSTPUNT_WEB_HOST", "").strip() or DEFAULT_HOST,
            port=port,
            rasa_url=rasa_url.rstrip("/"),
            trainer_token=token,
        )
