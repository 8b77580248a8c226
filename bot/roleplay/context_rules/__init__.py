"""The role-play context rules, split by what each part decides; ``bot.roleplay.context`` is the entry point.

See that module's docstring for the rules themselves and for which module holds which part.
"""
