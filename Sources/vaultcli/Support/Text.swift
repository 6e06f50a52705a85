import Vault

extension String {
    /// Pads to `width` terminal cells (CellWidth: a Chinese character takes two) without ever
    /// cutting the text.
    func padded(_ width: Int) -> String {
        let cells = CellWidth.of(self)
        return cells >= width ? self + " " : self + String(repeating: " ", count: width - cells)
    }
}
