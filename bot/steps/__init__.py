"""The six-step rust-en-welzijn coach: step knowledge, step recognition and the gespreksplan."""
