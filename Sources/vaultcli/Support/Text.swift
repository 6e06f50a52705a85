extension String {
    /// Pads to `width` columns without ever cutting the text.
    func padded(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
