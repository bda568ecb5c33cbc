package dlbasics.plot; final class Placeholder {}
