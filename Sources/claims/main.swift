print("claims")
