//! Bangladesh's eight administrative divisions and 64 districts with the Bureau of Statistics' codes
//! (the district part of the geo code in file and memo numbers, domain.md §7), for placing field offices.

use crate::Lang;

/// An administrative division (বিভাগ, the region: not a Secretariat Division).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Division {
    pub code: &'static str,
    pub bn: &'static str,
    pub en: &'static str,
}

/// A district (জেলা) and the division it lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct District {
    /// Two digits, as in the geo code.
    pub code: &'static str,
    pub division: &'static str,
    pub bn: &'static str,
    pub en: &'static str,
}

pub const DIVISIONS: [Division; 8] = [
    division("10", "বরিশাল", "Barishal"),
    division("20", "চট্টগ্রাম", "Chattogram"),
    division("30", "ঢাকা", "Dhaka"),
    division("40", "খুলনা", "Khulna"),
    division("45", "ময়মনসিংহ", "Mymensingh"),
    division("50", "রাজশাহী", "Rajshahi"),
    division("55", "রংপুর", "Rangpur"),
    division("60", "সিলেট", "Sylhet"),
];

/// In code order.
pub const DISTRICTS: [District; 64] = [
    district("01", "40", "বাগেরহাট", "Bagerhat"),
    district("03", "20", "বান্দরবান", "Bandarban"),
    district("04", "10", "বরগুনা", "Barguna"),
    district("06", "10", "বরিশাল", "Barishal"),
    district("09", "10", "ভোলা", "Bhola"),
    district("10", "50", "বগুড়া", "Bogura"),
    district("12", "20", "ব্রাহ্মণবাড়িয়া", "Brahmanbaria"),
    district("13", "20", "চাঁদপুর", "Chandpur"),
    district("15", "20", "চট্টগ্রাম", "Chattogram"),
    district("18", "40", "চুয়াডাঙ্গা", "Chuadanga"),
    district("19", "20", "কুমিল্লা", "Cumilla"),
    district("22", "20", "কক্সবাজার", "Cox's Bazar"),
    district("26", "30", "ঢাকা", "Dhaka"),
    district("27", "55", "দিনাজপুর", "Dinajpur"),
    district("29", "30", "ফরিদপুর", "Faridpur"),
    district("30", "20", "ফেনী", "Feni"),
    district("32", "55", "গাইবান্ধা", "Gaibandha"),
    district("33", "30", "গাজীপুর", "Gazipur"),
    district("35", "30", "গোপালগঞ্জ", "Gopalganj"),
    district("36", "60", "হবিগঞ্জ", "Habiganj"),
    district("38", "50", "জয়পুরহাট", "Joypurhat"),
    district("39", "45", "জামালপুর", "Jamalpur"),
    district("41", "40", "যশোর", "Jashore"),
    district("42", "10", "ঝালকাঠি", "Jhalokati"),
    district("44", "40", "ঝিনাইদহ", "Jhenaidah"),
    district("46", "20", "খাগড়াছড়ি", "Khagrachhari"),
    district("47", "40", "খুলনা", "Khulna"),
    district("48", "30", "কিশোরগঞ্জ", "Kishoreganj"),
    district("49", "55", "কুড়িগ্রাম", "Kurigram"),
    district("50", "40", "কুষ্টিয়া", "Kushtia"),
    district("51", "20", "লক্ষ্মীপুর", "Lakshmipur"),
    district("52", "55", "লালমনিরহাট", "Lalmonirhat"),
    district("54", "30", "মাদারীপুর", "Madaripur"),
    district("55", "40", "মাগুরা", "Magura"),
    district("56", "30", "মানিকগঞ্জ", "Manikganj"),
    district("57", "40", "মেহেরপুর", "Meherpur"),
    district("58", "60", "মৌলভীবাজার", "Moulvibazar"),
    district("59", "30", "মুন্সীগঞ্জ", "Munshiganj"),
    district("61", "45", "ময়মনসিংহ", "Mymensingh"),
    district("64", "50", "নওগাঁ", "Naogaon"),
    district("65", "40", "নড়াইল", "Narail"),
    district("67", "30", "নারায়ণগঞ্জ", "Narayanganj"),
    district("68", "30", "নরসিংদী", "Narsingdi"),
    district("69", "50", "নাটোর", "Natore"),
    district("70", "50", "চাঁপাইনবাবগঞ্জ", "Chapai Nawabganj"),
    district("72", "45", "নেত্রকোণা", "Netrokona"),
    district("73", "55", "নীলফামারী", "Nilphamari"),
    district("75", "20", "নোয়াখালী", "Noakhali"),
    district("76", "50", "পাবনা", "Pabna"),
    district("77", "55", "পঞ্চগড়", "Panchagarh"),
    district("78", "10", "পটুয়াখালী", "Patuakhali"),
    district("79", "10", "পিরোজপুর", "Pirojpur"),
    district("81", "50", "রাজশাহী", "Rajshahi"),
    district("82", "30", "রাজবাড়ী", "Rajbari"),
    district("84", "20", "রাঙ্গামাটি", "Rangamati"),
    district("85", "55", "রংপুর", "Rangpur"),
    district("86", "30", "শরীয়তপুর", "Shariatpur"),
    district("87", "40", "সাতক্ষীরা", "Satkhira"),
    district("88", "50", "সিরাজগঞ্জ", "Sirajganj"),
    district("89", "45", "শেরপুর", "Sherpur"),
    district("90", "60", "সুনামগঞ্জ", "Sunamganj"),
    district("91", "60", "সিলেট", "Sylhet"),
    district("93", "30", "টাঙ্গাইল", "Tangail"),
    district("94", "55", "ঠাকুরগাঁও", "Thakurgaon"),
];

impl Division {
    /// The division's name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Bn => self.bn,
            Lang::En => self.en,
        }
    }
}

impl District {
    /// The district's name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Bn => self.bn,
            Lang::En => self.en,
        }
    }
}

const fn division(code: &'static str, bn: &'static str, en: &'static str) -> Division {
    Division { code, bn, en }
}

const fn district(
    code: &'static str,
    division: &'static str,
    bn: &'static str,
    en: &'static str,
) -> District {
    District {
        code,
        division,
        bn,
        en,
    }
}

/// The district with this two-digit code.
pub fn district_by_code(code: &str) -> Option<&'static District> {
    DISTRICTS.iter().find(|district| district.code == code)
}

/// The districts of a division, in code order.
pub fn districts_of(division_code: &str) -> impl Iterator<Item = &'static District> + '_ {
    DISTRICTS
        .iter()
        .filter(move |district| district.division == division_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_district_lies_in_a_known_division_and_codes_are_unique_and_ordered() {
        assert!(DISTRICTS.windows(2).all(|pair| pair[0].code < pair[1].code));
        for district in DISTRICTS {
            assert!(
                DIVISIONS
                    .iter()
                    .any(|division| division.code == district.division),
                "{}",
                district.en
            );
            assert_eq!(district.code.len(), 2);
        }
    }

    #[test]
    fn the_divisions_hold_the_number_of_districts_the_country_has() {
        let counts: Vec<usize> = DIVISIONS
            .iter()
            .map(|division| districts_of(division.code).count())
            .collect();
        // Barishal, Chattogram, Dhaka, Khulna, Mymensingh, Rajshahi, Rangpur, Sylhet.
        assert_eq!(counts, [6, 11, 13, 10, 4, 8, 8, 4]);
    }

    #[test]
    fn a_district_is_found_by_its_code_and_an_unknown_code_is_not() {
        assert_eq!(
            district_by_code("26").map(|district| district.en),
            Some("Dhaka")
        );
        assert_eq!(district_by_code("02"), None);
    }
}
