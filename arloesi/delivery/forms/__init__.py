"""Delivery's forms, divided as the app is: tasks and capacity."""
