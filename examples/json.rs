fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let r = restitch::repair(&text, &restitch::Options::default());
    print!("{}", restitch::render::json::render(&r));
}
