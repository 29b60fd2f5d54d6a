from robot.link import Link


class Arm(Link):
    def move(self, x: float, y: float) -> str:
        return self.send_command(f"MovJ({x}, {y})")

    def enable(self) -> None:
        reply = self.send_command("EnableRobot()")
        if reply:
            self.execute(f"SpeedFactor({50})")

    def speed(self, ratio: int) -> None:
        command = "SpeedFactor(%d)" % ratio
        self.send_command(command)

    def upload(self, path: str) -> None:
        with open(path, "rb") as f:
            self.send_blob(f.read())

    def run(self, steps: list) -> None:
        program = "Program("
        for step in steps:
            program += f"{step},"
        program += ")"
        self.send_program(program)

    def forward(self, args: tuple) -> None:
        self.send_any(*args)
