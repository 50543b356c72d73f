"""The text in force at a date: replaying amendments on a convention."""
