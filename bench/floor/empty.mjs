// Nothing: the cost of starting Node (the floor of any command).
