import Catalog
import Vault

/// A role as the user reads it (收银员, 店长, 管理员 in zh-Hans).
func roleName(_ role: Role) -> String {
    switch role {
    case .cashier: tr(.roleCashier)
    case .manager: tr(.roleManager)
    case .admin: tr(.roleAdmin)
    }
}

func roleName(_ raw: String) -> String { Role(rawValue: raw).map(roleName) ?? raw }
