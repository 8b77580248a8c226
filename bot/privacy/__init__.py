"""Privacy: masking before Rasa stores a conversation, encrypted call-back contact data,
forgetting a conversation on request and removing what is past its retention period.

The data map for the privacy officer is ``docs/privacy.md``.
"""
