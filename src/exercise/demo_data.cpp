#include "exercise/demo_data.hpp"

#include <array>
#include <cstdio>

namespace enshu::exercise {
namespace {

struct DemoRegion {
    const char* name_ja;
    const char* kana;
    const char* name_en;
    const char* code;
};

// Fictional area names used as company prefixes, each with the prefecture it sits in.
constexpr std::array<DemoRegion, 15> kRegions = {{
    {"北関東", "キタカントウ", "Kita-Kanto", "JP-09"},
    {"南東北", "ミナミトウホク", "Minami-Tohoku", "JP-07"},
    {"東海", "トウカイ", "Tokai", "JP-23"},
    {"北陸", "ホクリク", "Hokuriku", "JP-17"},
    {"関西", "カンサイ", "Kansai", "JP-27"},
    {"中国", "チュウゴク", "Chugoku", "JP-34"},
    {"四国", "シコク", "Shikoku", "JP-37"},
    {"九州", "キュウシュウ", "Kyushu", "JP-40"},
    {"北海道", "ホッカイドウ", "Hokkaido", "JP-01"},
    {"首都圏", "シュトケン", "Shutoken", "JP-13"},
    {"湘南", "ショウナン", "Shonan", "JP-14"},
    {"信州", "シンシュウ", "Shinshu", "JP-20"},
    {"瀬戸内", "セトウチ", "Setouchi", "JP-33"},
    {"沖縄", "オキナワ", "Okinawa", "JP-47"},
    {"房総", "ボウソウ", "Boso", "JP-12"},
}};

struct DemoSector {
    const char* code;
    const char* suffix_ja;
    const char* suffix_kana;
    const char* suffix_en;
};

// The 14 sectors of the reference data with a typical kind of operator.
constexpr std::array<DemoSector, 14> kSectors = {{
    {"ict", "通信株式会社", "ツウシン", "Telecom Co."},
    {"finance", "銀行", "ギンコウ", "Bank"},
    {"aviation", "航空株式会社", "コウクウ", "Airlines"},
    {"airports", "空港ビル株式会社", "クウコウビル", "Airport Terminal Co."},
    {"railway", "鉄道株式会社", "テツドウ", "Railway Co."},
    {"electricity", "電力株式会社", "デンリョク", "Power Co."},
    {"gas", "ガス株式会社", "ガス", "Gas Co."},
    {"government", "行政情報センター", "ギョウセイジョウホウセンター", "Administrative IT Centre"},
    {"medical", "総合病院", "ソウゴウビョウイン", "General Hospital"},
    {"water", "水道局", "スイドウキョク", "Waterworks Bureau"},
    {"logistics", "物流株式会社", "ブツリュウ", "Logistics Co."},
    {"chemical", "化学工業株式会社", "カガクコウギョウ", "Chemical Industries"},
    {"credit", "カード株式会社", "カード", "Card Co."},
    {"petroleum", "石油株式会社", "セキユ", "Oil Co."},
}};

constexpr std::array<const char*, 20> kSurnames = {"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺",
                                                   "中村", "小林", "加藤", "吉田", "山本", "松本", "井上",
                                                   "木村", "林",   "清水", "山口", "森",   "池田"};
constexpr std::array<const char*, 20> kGivenNames = {"花子", "太郎", "一郎", "美咲", "健",   "陽子", "翔",
                                                     "直子", "大輔", "恵",   "拓也", "由美", "誠",   "彩",
                                                     "修",   "智子", "亮",   "真理", "剛",   "春香"};
constexpr std::array<const char*, 4> kDepartments = {"情報システム部", "総務部", "経営企画部", "CSIRT"};
constexpr std::array<const char*, 3> kSizeBandCodes = {"large", "medium", "small"};
constexpr std::array<const char*, 3> kModeCodes = {"venue", "online", "simulated"};

std::string Format(const char* format, int value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

}  // namespace

std::vector<DemoOrganisation> DemoOrganisations() {
    std::vector<DemoOrganisation> organisations;
    organisations.reserve(kDemoOrganisationCount);
    int person_number = 0;
    for (int i = 0; i < kDemoOrganisationCount; ++i) {
        const DemoSector& sector = kSectors[i % kSectors.size()];
        // For one sector (i = s + 14k) the region index (s + 2k) % 15 differs for
        // every k, so names never repeat.
        const DemoRegion& region = kRegions[(i + 3 * (i / static_cast<int>(kSectors.size()))) % kRegions.size()];
        DemoOrganisation demo;
        Organisation& organisation = demo.organisation;
        organisation.external_ref = Format("D-%03d", i + 1);
        organisation.name = std::string("デモ") + region.name_ja + sector.suffix_ja;
        organisation.name_kana = std::string("デモ") + region.kana + sector.suffix_kana;
        organisation.name_en = std::string("Demo ") + region.name_en + " " + sector.suffix_en;
        organisation.sector_code = sector.code;
        organisation.size_band = kSizeBandCodes[(i / 3) % kSizeBandCodes.size()];
        organisation.region = region.code;
        organisation.participation_mode = kModeCodes[i % kModeCodes.size()];

        const int participants = 1 + i % 3;
        for (int p = 0; p <= participants; ++p, ++person_number) {
            DemoPerson person;
            person.display_name = std::string(kSurnames[person_number % kSurnames.size()]) + " " +
                                  kGivenNames[(person_number * 7) % kGivenNames.size()];
            person.role = p == 0 ? "org_lead" : "participant";
            person.email = Format("person%04d@", person_number + 1) + "d" + Format("%03d", i + 1) + ".demo.example";
            person.phone = Format("000-0000-%04d", person_number + 1);
            person.department = kDepartments[(i + p) % kDepartments.size()];
            person.is_contact = p == 0;
            demo.people.push_back(std::move(person));
        }
        organisations.push_back(std::move(demo));
    }
    return organisations;
}

std::vector<Phase> DemoPhases() {
    std::vector<Phase> phases = {
        {0, "recruitment", "2023-08-03", "2023-09-15", "募集期間（8/31から9/15まで延長）"},
        {0, "briefing", "2023-09-29", "2023-12-06", "事前説明動画の公開"},
        {0, "preparation", "2023-09-29", "2023-12-06", "検証課題の設定・個別シナリオの作成"},
        {0, "exercise_day", "2023-12-07T13:00", "2023-12-07T17:00", "演習本番"},
    };
    for (const char* date : {"2023-12-14", "2023-12-19", "2023-12-21", "2024-01-17", "2024-01-18"}) {
        phases.push_back({0, "feedback", std::string(date) + "T14:00", std::string(date) + "T16:30", "意見交換会"});
    }
    phases.push_back({0, "report", "2024-03-01", "2024-03-31", "実施結果の取りまとめ"});
    return phases;
}

}  // namespace enshu::exercise
