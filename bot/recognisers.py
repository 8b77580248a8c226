"""The one store of trained sentence classifiers (steps, drama roles): build once, load everywhere.

Every recogniser is trained by ``build`` (``rustpunt herkenners bouw``, run by the set-up) and
saved with ``bot.artefacts`` under ``var/models/<name>.pkl`` together with a key: a hash of its
example groups, its settings and ``CODE_VERSION``. ``load`` (CLI, action server, evaluation) only reads that file;
nothing trains on first use. When the examples changed and the models were not rebuilt (a trainer added a scenario,
whose persona lines the invitation recogniser learns from), ``load`` keeps using the stored model and logs that once
per process; ``stale`` names such models, ``rustpunt evalueer`` says so before it measures, and the other commands print
the Dutch ``stale_notice`` once. Only without any stored model
does ``load`` raise ``ModelNotBuilt`` with a Dutch message.

Names: ``stappen`` and ``rollen`` are trained on all examples (used by the product);
``stappen-test`` and ``rollen-test`` only on the training split (for ``rustpunt evalueer``);
``uitnodiging`` (used by the product and by ``evalueer rollenspel``) reads what a persona line invites, the
learned fallback of the role-play context (``bot.roleplay.learned_invitation``: trained on the persona lines of the
seen context sets in ``bot.heldout.INVITATION_TRAINING_SETS`` and the scenarios' answers, not calibrated);
``oordeel`` (used by the product and by ``evalueer rollenspel``) reads soft judging and lecturing in a professional's
sentence (``bot.roleplay.learned_judgement``: trained on ``knowledge/scenarios/voorbeelden_oordelen*.yml`` and every
step example as "no judgement").
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from bot import artefacts, lemmas, textclass

logger = logging.getLogger(__name__)

CODE_VERSION = "recognisers-4"  # bump when features, training or calibration change


class ModelNotBuilt(RuntimeError):
    """The stored recogniser is missing or older than its examples; the message is Dutch."""


@dataclass(frozen=True)
class Spec:
    name: str
    groups: Callable[[], List[textclass.Group]]
    description: str
    calibrate: bool = True  # False: raw probabilities (a threshold was chosen on them)


def _step_groups(held_out: bool) -> Callable[[], List[textclass.Group]]:
    def groups() -> List[textclass.Group]:
        from bot.steps import classifier

        return classifier.split()[0] if held_out else classifier.load_groups()

    return groups


def _role_groups(held_out: bool) -> Callable[[], List[textclass.Group]]:
    def groups() -> List[textclass.Group]:
        from bot.roles import classifier

        return classifier.train_test_groups()[0] if held_out else classifier.example_groups()

    return groups


def _invitation_groups() -> List[textclass.Group]:
    from bot.roleplay import learned_invitation

    return learned_invitation.training_groups()


def _judgement_groups() -> List[textclass.Group]:
    from bot.roleplay import learned_judgement

    return learned_judgement.training_groups()


SPECS: Dict[str, Spec] = {
    spec.name: spec
    for spec in (
        Spec("stappen", _step_groups(False), "stappenherkenner (alle voorbeelden)"),
        Spec("stappen-test", _step_groups(True), "stappenherkenner voor de evaluatie (alleen trainingsdeel)"),
        Spec("rollen", _role_groups(False), "rollenherkenner (alle voorbeelden)"),
        Spec("rollen-test", _role_groups(True), "rollenherkenner voor de evaluatie (alleen trainingsdeel)"),
        Spec("uitnodiging", _invitation_groups,
             "uitnodigingsherkenner van het rollenspel (wat de zin van de gesprekspartner uitnodigt)", calibrate=False),
        Spec("oordeel", _judgement_groups, "oordeelherkenner van het rollenspel (oordelen of de les lezen)"),
    )
}
PRODUCT = ("stappen", "rollen", "uitnodiging", "oordeel")

_LOADED: Dict[str, Tuple[str, textclass.CompiledClassifier]] = {}
_KEYS: Dict[str, Tuple[object, str]] = {}  # name -> (knowledge object, key of its examples)
_STALE: Dict[str, str] = {}  # name -> key of the current examples for which an older model is used (said once)
_NOTICE_SHOWN: List[bool] = []  # the command line's Dutch note about older models was printed (once per process)
STALE_NOTICE = (
    "Let op: de herkenners horen bij oudere voorbeeldzinnen (er is bijvoorbeeld een scenario bijgekomen of "
    "veranderd). Rustpunt gebruikt de vorige versie tot je ze opnieuw bouwt met: rustpunt herkenners bouw"
)


def key_of(name: str, groups: Sequence[textclass.Group]) -> str:
    return artefacts.key_of(
        CODE_VERSION, name, [[g.id, g.label, list(g.sentences)] for g in sorted(groups, key=lambda g: g.id)]
    )


def path_of(name: str) -> Path:
    from bot.paths import var_dir

    return var_dir() / "models" / f"{name}.pkl"


def _read(name: str) -> Optional[Tuple[str, textclass.CompiledClassifier]]:
    return artefacts.read(path_of(name))


def train(groups: Sequence[textclass.Group], calibrate: bool = True) -> textclass.CompiledClassifier:
    """Fit, calibrate, and compile to plain arrays (loading then needs no scikit-learn)."""
    model = textclass.TextClassifier().fit(*textclass.flatten(groups))
    if calibrate:
        model.temperature = textclass.calibrate(textclass.TextClassifier, groups)
    return textclass.CompiledClassifier(model)


CACHE_KIND = "herkenners"  # shared cache outside the checkout, by key (bot.artefacts.cache_dir)


def build(names: Sequence[str] = tuple(SPECS), force: bool = False) -> Dict[str, str]:
    """Train and store the named recognisers whose examples changed; returns name -> Dutch status."""
    status: Dict[str, str] = {}
    _write_lemma_cache()
    for name in names:
        groups = SPECS[name].groups()
        if not groups:
            raise ModelNotBuilt(f"Er zijn geen voorbeeldzinnen voor de {SPECS[name].description}.")
        key = key_of(name, groups)
        stored = _read(name)
        if stored is not None and stored[0] == key and not force:
            status[name] = "al actueel"
            continue
        model = None if force else artefacts.from_cache(CACHE_KIND, name, key)
        if model is not None:
            status[name] = f"uit de cache ({artefacts.cache_dir(CACHE_KIND)})"
        else:
            model = train(groups, calibrate=SPECS[name].calibrate)
            artefacts.to_cache(CACHE_KIND, name, key, model)
            status[name] = f"gebouwd ({sum(len(g.sentences) for g in groups)} zinnen, temperatuur {model.temperature})"
        artefacts.store(path_of(name), key, model)
        _LOADED[name] = (key, model)
    return status


def _current_key(name: str) -> str:
    """Key of the examples in the current knowledge (computed once per loaded knowledge)."""
    from bot.knowledge.loader import get_knowledge

    knowledge = get_knowledge()
    cached = _KEYS.get(name)
    if cached is None or cached[0] is not knowledge:
        cached = (knowledge, key_of(name, SPECS[name].groups()))
        _KEYS[name] = cached
    return cached[1]


def _write_lemma_cache() -> None:
    artefacts.store(lemmas.lemma_cache_path(), lemmas.lemma_cache_key(), lemmas.read_lemma_source())


def load(name: str) -> textclass.CompiledClassifier:
    """The stored recogniser ``name``; never trains (see module docstring)."""
    key = _current_key(name)
    loaded = _LOADED.get(name)
    if loaded is not None and (loaded[0] == key or _STALE.get(name) == key):
        return loaded[1]  # up to date, or an older model already accepted (and logged) for these examples
    stored = _read(name)
    if stored is not None and stored[0] == key:
        _LOADED[name] = stored
        _STALE.pop(name, None)
        return stored[1]
    if loaded is not None or stored is not None:  # e.g. a trainer added a scenario: its lines count after a build
        _STALE[name] = key
        # once per process and set of examples (a user test saw this line on every turn, in actions.log and in the
        # middle of 'rustpunt oefen'); the command line shows its own Dutch note (stale_notice)
        logger.info("Examples of recogniser %s changed since it was built; using the %s model until "
                    "'rustpunt herkenners bouw' rebuilds it", name, "loaded" if loaded is not None else "stored")
        used = loaded if loaded is not None else stored
        assert used is not None  # one of the two, checked above
        _LOADED[name] = used
        return used[1]
    raise ModelNotBuilt(
        f"De {SPECS[name].description} is nog niet gebouwd of hoort bij oudere voorbeeldzinnen. "
        "Bouw de herkenners met: rustpunt herkenners bouw"
    )


def stale(names: Sequence[str] = PRODUCT) -> List[str]:
    """The recognisers among ``names`` whose stored model is missing or older than their examples."""
    result = []
    for name in names:
        key = _current_key(name)
        loaded = _LOADED.get(name)
        if loaded is not None and loaded[0] == key:
            continue
        stored = _read(name)
        if stored is not None and stored[0] == key:
            _LOADED[name] = stored  # read once: the evaluation that asked then loads it from memory
            continue
        result.append(name)
    return result


def stale_notice(names: Sequence[str] = ()) -> Optional[str]:
    """The Dutch note for the command line when this process used a recogniser older than its examples, or would use
    one of ``names`` (checked now, e.g. before a role-play in the terminal starts); once per process: None after that,
    and when every model is up to date. A missing model is not meant: ``load`` says that itself."""
    if _NOTICE_SHOWN:
        return None
    used = any(name in _LOADED and _LOADED[name][0] != key and _current_key(name) == key
               for name, key in _STALE.items())  # an older model used for the examples in force now
    if not used and not any(_read(name) is not None for name in stale(names)):
        return None
    _NOTICE_SHOWN.append(True)
    return STALE_NOTICE


def predict(name: str, text: str) -> textclass.Prediction:
    """The stored recogniser ``name``'s read of ``text``, once per model and text in a process (the role-play asks
    about the same sentence or persona line several times per turn, and again when a turn is replayed)."""
    return _predict(load(name), text)


@lru_cache(maxsize=2048)
def _predict(model: textclass.CompiledClassifier, text: str) -> textclass.Prediction:
    return model.predict(text)


def warm_up() -> None:
    """Load the product recognisers and the Dutch pipeline once (call at server start)."""
    for name in PRODUCT:
        load(name).predict("Dit is een zin om de herkenner op te warmen.")


def reset() -> None:
    """Forget the models loaded in this process (tests)."""
    _LOADED.clear()
    _KEYS.clear()
    _STALE.clear()
    _NOTICE_SHOWN.clear()
