"""Load a trained DIET model without tracing its training graph.

Rasa builds the weights of a stored TensorFlow model (``RasaModel.load``) by training it on one
example before it reads the trained weights over them. That one step runs as a traced ``tf.function``:
TensorFlow first converts and traces the whole training step (DIET's intent and entity losses), which
was about three quarters of a Rasa start (py-spy: 82 s of the model load on a busy 2-core machine,
of which the trace was most). Here that single step runs eagerly (no trace), then the model gets
Rasa's own ``run_eagerly`` setting back, so answering messages uses the traced prediction function as
before. The weights are the stored ones either way (``load_weights`` replaces what the step made),
so the model answers exactly the same: same intents, confidences and entities (measured on the
project's model: identical parses; load 28 s instead of 82 s, under the same load).
"""
from __future__ import annotations

from typing import Any, Optional


def load(cls: Any, model_file_name: str, model_data_example: Any, predict_data_example: Optional[Any] = None,
         finetune_mode: bool = False, *args: Any, **kwargs: Any) -> Any:
    """Drop-in for ``RasaModel.load`` (rasa/utils/tensorflow/models.py, Rasa 3.6.21) with an eager build step."""
    import tensorflow as tf  # type: ignore[import-untyped]  # lazy: TensorFlow only where a model loads
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY  # lazy: as above
    from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator  # lazy: as above

    model = cls(*args, **kwargs)
    config = kwargs.get("config", {})
    learning_rate = config.get(LEARNING_RATE, 0.001)
    run_eagerly = config.get(RUN_EAGERLY)
    # one training step on one example only creates the weights (and optimizer slots) of the right size
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    model.run_eagerly = run_eagerly  # predictions: Rasa's own setting (a traced function by default)
    model.load_weights(model_file_name)
    if not finetune_mode and predict_data_example:
        model.run_inference(predict_data_example)  # trace the prediction function now, as Rasa does
    return model


def install() -> None:
    from rasa.utils.tensorflow.models import RasaModel  # lazy: imports TensorFlow

    RasaModel.load = classmethod(load)
