"""Settings of the web server, read from the environment once at start-up."""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from typing import FrozenSet, Mapping, Optional, Tuple, Union

from bot.message_length import max_message_length

DEFAULT_PORT = 8080
DEFAULT_HOST = "127.0.0.1"
DEFAULT_RASA_URL = "http://localhost:5005"
MIN_TOKEN_LENGTH = 12
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})


class ConfigError(ValueError):
    """A setting has a value we cannot use; the message is Dutch and shown to whoever starts us."""


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1 (with or without brackets)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WebConfig:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    rasa_url: str = DEFAULT_RASA_URL
    trainer_token: Optional[str] = None
    chat_timeout: float = 60.0
    history_timeout: float = 15.0
    # host names (besides loopback and ``host``) that browsers may use to reach us: DNS rebinding guard
    allowed_hosts: FrozenSet[str] = field(default_factory=frozenset)
    read_timeout: float = 10.0          # whole request head must arrive within this many seconds
    idle_timeout: float = 5.0           # an idle keep-alive connection is closed after this
    workers: int = 8                    # threads for blocking calls (Rasa, database); requests are async
    chat_per_minute: int = 60           # per browser session (its conversation cookie), on /api/chat (wiping never)
    # per address, on /api/chat: the ceiling for a classroom behind one NAT, and for a client that drops its cookie
    chat_per_address_per_minute: int = 600
    login_failures: int = 5             # wrong trainer tokens per client per minute before a lockout
    trainer_session_minutes: float = 60.0
    max_message: int = 2000             # characters per chat message (RUSTPUNT_MAX_MESSAGE)
    # reverse proxies whose X-Forwarded-For names the client (RUSTPUNT_TRUSTED_PROXIES); none: the connection's address
    trusted_proxies: Tuple[Union[ipaddress.IPv4Network, ipaddress.IPv6Network], ...] = ()

    @property
    def trainer_configured(self) -> bool:
        return len(self.trainer_token or "") >= MIN_TOKEN_LENGTH

    @property
    def host_names(self) -> FrozenSet[str]:
        """Host names (lower case, no port) a request's Host header may carry."""
        names = set(LOOPBACK_NAMES) | {h.lower() for h in self.allowed_hosts}
        if self.host not in WILDCARD_HOSTS:
            names.add(self.host.strip("[]").lower())
        return frozenset(names)

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "WebConfig":
        env = os.environ if env is None else env
        port = _int(env, "RUSTPUNT_WEB_PORT", DEFAULT_PORT, 1, 65535,
                    "RUSTPUNT_WEB_PORT moet een poortnummer tussen 1 en 65535 zijn")
        rasa_url = env.get("RUSTPUNT_RASA_URL", "").strip() or DEFAULT_RASA_URL
        if not rasa_url.startswith(("http://", "https://")):
            raise ConfigError(f"RUSTPUNT_RASA_URL moet met http:// of https:// beginnen, niet {rasa_url!r}.")
        token = env.get("RUSTPUNT_TRAINER_TOKEN", "").strip() or None
        allowed = frozenset(
            name.strip().lower() for name in env.get("RUSTPUNT_WEB_ALLOWED_HOSTS", "").split(",") if name.strip()
        )
        return cls(
            host=env.get("RUSTPUNT_WEB_HOST", "").strip() or DEFAULT_HOST,
            port=port,
            rasa_url=rasa_url.rstrip("/"),
            trainer_token=token,
            allowed_hosts=allowed,
            read_timeout=float(_int(env, "RUSTPUNT_WEB_READ_TIMEOUT", 10, 1, 600,
                                    "RUSTPUNT_WEB_READ_TIMEOUT moet een aantal seconden zijn (1 tot 600)")),
            chat_per_minute=_int(env, "RUSTPUNT_WEB_CHAT_PER_MINUTE", 60, 1, 100_000,
                                 "RUSTPUNT_WEB_CHAT_PER_MINUTE moet een positief geheel getal zijn"),
            chat_per_address_per_minute=_int(env, "RUSTPUNT_WEB_CHAT_PER_ADDRESS_PER_MINUTE", 600, 1, 1_000_000,
                                             "RUSTPUNT_WEB_CHAT_PER_ADDRESS_PER_MINUTE moet een positief geheel getal "
                                             "zijn"),
            trainer_session_minutes=_minutes(env.get("RUSTPUNT_TRAINER_SESSION_MINUTES", "")),
            max_message=max_message_length(env),  # the same bound as Rasa's channels
            trusted_proxies=_networks(env.get("RUSTPUNT_TRUSTED_PROXIES", "")),
        )


def _networks(raw: str) -> Tuple[Union[ipaddress.IPv4Network, ipaddress.IPv6Network], ...]:
    """'127.0.0.1, 10.0.0.0/8, ::1': the addresses or networks of trusted reverse proxies."""
    found = []
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            found.append(ipaddress.ip_network(part.strip("[]"), strict=False))
        except ValueError:
            raise ConfigError(
                f"RUSTPUNT_TRUSTED_PROXIES moet IP-adressen of netwerken bevatten, gescheiden door komma's "
                f"(bijvoorbeeld 127.0.0.1 of 10.0.0.0/8), niet {part!r}.") from None
    return tuple(found)


def _minutes(raw: str) -> float:
    raw = raw.strip().replace(",", ".")
    if not raw:
        return 60.0
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0.05 <= value <= 7 * 24 * 60:
        raise ConfigError(
            f"RUSTPUNT_TRAINER_SESSION_MINUTES moet een aantal minuten zijn (0,05 tot 10080), niet {raw!r}.")
    return value


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int, message: str) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ConfigError(f"{message}, niet {raw!r}.")
    return int(raw)
