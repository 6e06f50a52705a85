import Vault
print(SodiumInfo.version)
