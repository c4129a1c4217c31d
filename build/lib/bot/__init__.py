"""The platform-neutral core of Gyoryu: conversation logic, federation data and texts."""
