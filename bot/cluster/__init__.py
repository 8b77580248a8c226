"""The multi-server set-up: PostgreSQL, Redis, two Rasa servers, two action servers, the web server
and HAProxy on one machine (``make run-cluster``), and its fault test (``make test-cluster``)."""
