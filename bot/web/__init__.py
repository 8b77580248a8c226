"""The web chat page for professionals and the trainers' page.

A small async HTTP server on Sanic (``python -m bot.web``) serves ``static/`` and proxies the chat to
Rasa's REST channel, so the page needs no CORS and no JavaScript library from outside.
"""
