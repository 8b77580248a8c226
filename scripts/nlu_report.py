"""Print the intent scores of a `rasa test nlu --cross-validation` run in a short table."""
import json
import sys
from pathlib import Path

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "var/nlu-cv")
report = json.loads((folder / "intent_report.json").read_text())
print(f"{'intent':<28}{'precisie':>9}{'recall':>8}{'F1':>7}{'aantal':>8}")
for name, scores in sorted(report.items()):
    if isinstance(scores, dict) and "f1-score" in scores and name not in {"macro avg", "weighted avg", "micro avg"}:
        print(f"{name:<28}{scores['precision']:>9.2f}{scores['recall']:>8.2f}{scores['f1-score']:>7.2f}{scores['support']:>8}")
for name in ("accuracy", "macro avg", "weighted avg"):
    value = report.get(name)
    if isinstance(value, dict):
        print(f"{name}: F1 {value['f1-score']:.3f}")
    elif value is not None:
        print(f"{name}: {value:.3f}")
