namespace Pipeline.Organisations;

/// <summary>
/// Capital cities (and a few cities news names as often), in English and Chinese: places, never organisations on their own
/// ("Houthi fighters in Sanaa"). Cities whose bare name also names a sports team in news tables (Montreal, Washington,
/// Toronto) are left out: those are the tagger's to judge.
/// </summary>
public static class Capitals
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "Kabul", "Tirana", "Algiers", "Luanda", "Buenos Aires", "Yerevan", "Canberra", "Vienna", "Baku", "Nassau", "Manama",
        "Dhaka", "Minsk", "Brussels", "Belmopan", "Porto-Novo", "Thimphu", "La Paz", "Sarajevo", "Gaborone", "Brasilia",
        "Brasília", "Bandar Seri Begawan", "Sofia", "Ouagadougou", "Gitega", "Bujumbura", "Phnom Penh", "Yaounde", "Yaoundé",
        "Praia", "Bangui", "N'Djamena", "Bogota", "Bogotá", "Moroni", "Kinshasa", "Brazzaville", "Yamoussoukro", "Abidjan",
        "Zagreb", "Havana", "Nicosia", "Prague", "Copenhagen", "Santo Domingo", "Dili", "Quito", "Cairo", "San Salvador",
        "Malabo", "Asmara", "Tallinn", "Mbabane", "Addis Ababa", "Suva", "Helsinki", "Libreville", "Banjul", "Tbilisi",
        "Accra", "Athens", "Guatemala City", "Conakry", "Bissau", "Port-au-Prince", "Tegucigalpa", "Budapest", "Reykjavik",
        "New Delhi", "Jakarta", "Tehran", "Baghdad", "Dublin", "Jerusalem", "Tel Aviv", "Kingston", "Tokyo", "Amman", "Astana",
        "Nairobi", "Tarawa", "Pristina", "Kuwait City", "Bishkek", "Vientiane", "Riga", "Beirut", "Maseru", "Monrovia",
        "Tripoli", "Vaduz", "Vilnius", "Antananarivo", "Lilongwe", "Kuala Lumpur", "Bamako", "Valletta", "Majuro",
        "Nouakchott", "Port Louis", "Mexico City", "Palikir", "Chisinau", "Ulaanbaatar", "Ulan Bator", "Podgorica", "Rabat",
        "Maputo", "Naypyidaw", "Yangon", "Windhoek", "Kathmandu", "The Hague", "Wellington", "Managua", "Niamey", "Abuja",
        "Pyongyang", "Skopje", "Oslo", "Muscat", "Islamabad", "Ramallah", "Panama City", "Port Moresby", "Asuncion",
        "Asunción", "Manila", "Warsaw", "Lisbon", "Doha", "Bucharest", "Moscow", "Kigali", "Basseterre", "Castries",
        "Kingstown", "Apia", "Riyadh", "Dakar", "Belgrade", "Freetown", "Bratislava", "Ljubljana", "Honiara", "Mogadishu",
        "Pretoria", "Seoul", "Juba", "Colombo", "Khartoum", "Paramaribo", "Stockholm", "Bern", "Damascus", "Taipei",
        "Dushanbe", "Dodoma", "Dar es Salaam", "Bangkok", "Lome", "Lomé", "Nuku'alofa", "Port of Spain", "Tunis", "Ankara",
        "Ashgabat", "Funafuti", "Kampala", "Kyiv", "Kiev", "Abu Dhabi", "Montevideo", "Tashkent", "Port Vila", "Caracas",
        "Hanoi", "Ho Chi Minh City", "Sanaa", "Sana'a", "Sana’a", "Aden", "Lusaka", "Harare", "Geneva", "Beijing", "Istanbul",
        "Mumbai", "Karachi", "Lagos", "Johannesburg", "Gaza", "Mosul", "Aleppo", "Benghazi", "Kandahar", "Goma", "Davos",
        "喀布尔", "阿尔及尔", "布宜诺斯艾利斯", "埃里温", "堪培拉", "维也纳", "巴库", "麦纳麦", "达卡", "明斯克", "布鲁塞尔",
        "萨拉热窝", "巴西利亚", "斯里巴加湾市", "索非亚", "金边", "雅温得", "渥太华", "波哥大", "金沙萨", "布拉柴维尔",
        "萨格勒布", "哈瓦那", "尼科西亚", "布拉格", "哥本哈根", "基多", "开罗", "塔林", "亚的斯亚贝巴", "苏瓦", "赫尔辛基",
        "第比利斯", "阿克拉", "雅典", "布达佩斯", "雷克雅未克", "新德里", "雅加达", "德黑兰", "巴格达", "都柏林", "耶路撒冷",
        "特拉维夫", "安曼", "阿斯塔纳", "内罗毕", "科威特城", "比什凯克", "万象", "里加", "贝鲁特", "的黎波里", "维尔纽斯",
        "吉隆坡", "马累", "瓦莱塔", "墨西哥城", "基希讷乌", "乌兰巴托", "拉巴特", "马普托", "内比都", "仰光", "温得和克",
        "加德满都", "海牙", "惠灵顿", "阿布贾", "平壤", "斯科普里", "奥斯陆", "马斯喀特", "伊斯兰堡", "拉姆安拉", "莫尔兹比港",
        "马尼拉", "华沙", "里斯本", "多哈", "布加勒斯特", "基加利", "利雅得", "达喀尔", "贝尔格莱德", "布拉迪斯拉发",
        "卢布尔雅那", "摩加迪沙", "比勒陀利亚", "首尔", "朱巴", "科伦坡", "喀土穆", "斯德哥尔摩", "伯尔尼", "大马士革",
        "杜尚别", "曼谷", "突尼斯市", "安卡拉", "阿什哈巴德", "坎帕拉", "基辅", "阿布扎比", "迪拜", "蒙得维的亚", "塔什干",
        "维拉港", "加拉加斯", "河内", "胡志明市", "萨那", "亚丁", "卢萨卡", "哈拉雷", "日内瓦", "伊斯坦布尔", "孟买", "卡拉奇",
        "拉各斯", "约翰内斯堡", "摩苏尔", "阿勒颇", "班加西", "坎大哈", "达沃斯", "利马", "圣地亚哥",
    };

    public static bool IsCapital(string name) => Names.Contains(name);
}
