"""The model key decides whether `make run`/`make train` train: same training inputs, same key (no training,
no new model); any change to what Rasa trains on gives a new key; knowledge files do not count."""
import shutil

from bot.model_key import model_key
from bot.paths import PROJECT_ROOT


def project_copy(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(PROJECT_ROOT / "config.yml", root / "config.yml")
    for name in ("domain", "data", "stories", "knowledge"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    return root


def test_same_inputs_same_key_and_knowledge_changes_do_not_retrain(tmp_path):
    root = project_copy(tmp_path)
    key = model_key(root)
    assert len(key) == 12 and model_key(root) == key
    (root / "domain" / "base.yml").touch()  # a newer date alone changes nothing
    (root / "knowledge" / "extra.yml").write_text("soort: stap\nitems: []\n", encoding="utf-8")
    assert model_key(root) == key


def test_changed_training_data_or_config_gives_a_new_key(tmp_path):
    root = project_copy(tmp_path)
    key = model_key(root)
    nlu = root / "data" / "nlu" / "base.yml"
    original = nlu.read_text(encoding="utf-8")
    nlu.write_text(original + "\n", encoding="utf-8")
    changed = model_key(root)
    assert changed != key
    nlu.write_text(original, encoding="utf-8")
    assert model_key(root) == key
    (root / "stories" / "nieuw.yml").write_text('version: "3.1"\n', encoding="utf-8")
    assert model_key(root) not in {key, changed}
    (root / "stories" / "nieuw.yml").unlink()
    config = root / "config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("epochs: 80", "epochs: 81"), encoding="utf-8")
    assert model_key(root) != key
