//! What the benchmarks share: synthetic catalogues in the real schema, and the queries timed.
#![allow(dead_code, reason = "each benchmark uses its own part of this module")]

use std::borrow::Cow;
use std::fmt::Write as _;

use acuref::catalogue::CatalogueFile;

/// The queries every search benchmark times, with what each stands for: codes in two
/// spellings, pinyin, hanzi, English, a typo within fuzzy reach, two letters swapped (found
/// only by the typo pass), one letter, a long phrase, and words no entry holds all of.
pub const QUERIES: &[(&str, &str)] = &[
    ("code", "bl40"),
    ("code-spaced", "ub 23"),
    ("pinyin", "zusanli"),
    ("hanzi", "足三里"),
    ("english", "leg three miles"),
    ("typo", "zsanli"),
    ("swapped", "zusnali"),
    ("one-letter", "z"),
    ("phrase", "pain and stiffness of the lower back"),
    ("some-words", "headache nausea insomnia dizziness"),
];

/// Points written to one synthetic file (the loader refuses files over 8 MB).
const POINTS_PER_FILE: usize = 1_000;

const SYLLABLES: &[(&str, &str, char)] = &[
    ("zu", "zú", '足'),
    ("san", "sān", '三'),
    ("li", "lǐ", '里'),
    ("zhong", "zhōng", '中'),
    ("fu", "fǔ", '府'),
    ("yun", "yún", '雲'),
    ("men", "mén", '門'),
    ("tian", "tiān", '天'),
    ("shen", "shén", '神'),
    ("shu", "shū", '俞'),
    ("gu", "gǔ", '谷'),
    ("he", "hé", '合'),
    ("quan", "quán", '泉'),
    ("hai", "hǎi", '海'),
    ("yang", "yáng", '陽'),
    ("yin", "yīn", '陰'),
    ("ling", "líng", '陵'),
    ("chi", "chǐ", '尺'),
    ("ze", "zé", '澤'),
    ("kong", "kǒng", '孔'),
    ("zui", "zuì", '最'),
    ("lie", "liè", '列'),
    ("que", "quē", '缺'),
    ("jing", "jīng", '經'),
    ("qu", "qú", '渠'),
    ("tai", "tài", '太'),
    ("yuan", "yuān", '淵'),
    ("bai", "bái", '白'),
    ("da", "dà", '大'),
    ("xiao", "xiǎo", '小'),
    ("guan", "guān", '關'),
    ("feng", "fēng", '風'),
    ("chong", "chōng", '衝'),
    ("xi", "xī", '溪'),
    ("ting", "tíng", '庭'),
    ("ming", "míng", '明'),
];

const WORDS: &[&str] = &[
    "Leg", "Three", "Miles", "Middle", "Palace", "Cloud", "Gate", "Heaven", "Spirit", "Valley",
    "Joining", "Spring", "Sea", "Yang", "Yin", "Mound", "Cubit", "Marsh", "Hole", "Broken",
    "Sequence", "Basin", "Channel", "Great", "Abyss", "White", "Small", "Pass", "Wind", "Rushing",
    "Stream", "Court", "Bright", "Kidney", "Shu", "Lesser", "Supreme", "Outer", "Inner", "Bone",
];

/// Category ids and names, as `data/categories.toml` writes them.
const CATEGORIES: &[(&str, &str)] = &[
    ("jing-well", "Jing-Well point"),
    ("ying-spring", "Ying-Spring point"),
    ("shu-stream", "Shu-Stream point"),
    ("jing-river", "Jing-River point"),
    ("he-sea", "He-Sea point"),
    ("yuan-source", "Yuan-Source point"),
    ("luo-connecting", "Luo-Connecting point"),
    ("xi-cleft", "Xi-Cleft point"),
    ("window-of-heaven", "Window of Heaven point"),
    ("ghost", "Ghost point"),
];

const INDICATIONS: &[&str] = &[
    "pain and stiffness of the lower back",
    "sciatica",
    "headache",
    "dizziness",
    "cough",
    "wheezing",
    "nausea and vomiting",
    "abdominal distension",
    "diarrhoea",
    "constipation",
    "insomnia",
    "palpitations",
    "knee pain",
    "shoulder pain",
    "stiff neck",
    "toothache",
    "sore throat",
    "tinnitus",
    "irregular menstruation",
    "oedema",
    "fever",
    "night sweating",
    "weak legs",
    "chest pain",
];

const ACTIONS: &[&str] = &[
    "Tonifies the kidneys",
    "Strengthens the lower back",
    "Expels wind",
    "Clears heat",
    "Calms the spirit",
    "Harmonises the stomach",
    "Opens the channel and relieves pain",
    "Resolves dampness",
];

/// A small deterministic generator, so every run indexes the same catalogue.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One synthetic point's names: pinyin, pinyin with tones, hanzi and English.
pub struct Names {
    /// Pinyin without tones, capitalised.
    pub pinyin: String,
    /// Pinyin with tone marks.
    pub pinyin_tones: String,
    /// Hanzi, one per syllable.
    pub hanzi: String,
    /// Two or three English words.
    pub english: String,
    /// The pinyin written syllable by syllable ("Zu San Li"), as an alternate name.
    pub spaced: String,
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn names(rng: &mut Rng) -> Names {
    let count = 2 + rng.below(2);
    let syllables: Vec<_> = (0..count).map(|_| *rng.pick(SYLLABLES)).collect();
    let words: Vec<&str> = (0..count).map(|_| *rng.pick(WORDS)).collect();
    Names {
        pinyin: capitalise(&syllables.iter().map(|s| s.0).collect::<String>()),
        pinyin_tones: capitalise(&syllables.iter().map(|s| s.1).collect::<String>()),
        hanzi: syllables.iter().map(|s| s.2).collect(),
        english: words.join(" "),
        spaced: syllables
            .iter()
            .map(|s| capitalise(s.0))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The names of `points` synthetic points, as [`synthetic_catalogue`] writes them.
pub fn synthetic_names(points: usize) -> Vec<Names> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..points).map(|_| names(&mut rng)).collect()
}

fn quoted_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

/// A catalogue of `points` channel points in the real schema, 1,000 points to a channel and to
/// a file, with one region and one source for them to link to.
pub fn synthetic_catalogue(points: usize) -> Vec<CatalogueFile> {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut base = "[[region]]\nid = \"lower-back\"\nname = \"Lower back\"\n\n\
                    [[source]]\nid = \"synthetic\"\nkind = \"dataset\"\n\
                    citation = \"Synthetic points generated by the benchmarks.\"\n"
        .to_string();
    for (id, name) in CATEGORIES {
        writeln!(
            base,
            "\n[[category]]\nid = {id:?}\nname = {name:?}\nsummary = \"A category.\"\nsources = [\"synthetic\"]"
        )
        .unwrap();
    }
    let mut files = vec![CatalogueFile {
        name: "synthetic/base.toml".into(),
        text: Cow::Owned(base),
    }];
    let names = synthetic_names(points);
    for (file_number, chunk) in names.chunks(POINTS_PER_FILE).enumerate() {
        let channel = format!(
            "S{}{}",
            (b'A' + (file_number / 26) as u8) as char,
            (b'A' + (file_number % 26) as u8) as char
        );
        let mut text = String::new();
        writeln!(
            text,
            "[[channel]]\nid = \"{channel}\"\nkind = \"primary\"\nname = \"Synthetic {channel}\"\n\
             full_name = \"Synthetic channel {channel}\"\npinyin = \"Hecheng Jing\"\n\
             pinyin_tones = \"Héchéng Jīng\"\nhanzi = \"合成經\"\nhanzi_simplified = \"合成经\"\n\
             course = \"A generated channel for benchmarks.\"\nsources = [\"synthetic\"]\n"
        )
        .unwrap();
        for (i, n) in chunk.iter().enumerate() {
            let number = i + 1;
            let category = format!("[{{ category = {:?} }}]", rng.pick(CATEGORIES).0);
            let indications: Vec<&str> = (0..5).map(|_| *rng.pick(INDICATIONS)).collect();
            let actions: Vec<&str> = (0..3).map(|_| *rng.pick(ACTIONS)).collect();
            writeln!(
                text,
                "[[point]]\ncode = \"{channel}{number}\"\nchannel = \"{channel}\"\nnumber = {number}\n\
                 pinyin = {:?}\npinyin_tones = {:?}\nhanzi = {:?}\nhanzi_simplified = {:?}\n\
                 english = {:?}\nalt_names = [{:?}]\n\
                 location = \"On the lower back, 1.5 cun lateral to the lower border of the spinous process of L{}.\"\n\
                 depth = \"0.5-1 cun\"\nangle = \"Perpendicular\"\ncategories = {}\nactions = {}\n\
                 indications = {}\nregions = [\"lower-back\"]\nsources = [\"synthetic\"]\n",
                n.pinyin,
                n.pinyin_tones,
                n.hanzi,
                n.hanzi,
                n.english,
                n.spaced,
                1 + number % 5,
                category,
                quoted_list(&actions),
                quoted_list(&indications),
            )
            .unwrap();
        }
        files.push(CatalogueFile {
            name: format!("synthetic/{channel}.toml"),
            text: Cow::Owned(text),
        });
    }
    files
}
