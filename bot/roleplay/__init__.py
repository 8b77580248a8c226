"""Role-play (rollenspel): the assistant plays a parent or child, the professional practises the six steps."""
