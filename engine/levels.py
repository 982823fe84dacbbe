"""The administrative levels a city file may give (a module of its own: the command line lists them
without importing the models)."""

# a district (市辖区) or a county (县, 县级市) is evaluated as a city is
LEVELS = ("municipality", "sub_provincial", "provincial_capital", "prefecture", "district", "county")
