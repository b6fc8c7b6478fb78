//! Generated from core/models/default.model by the test
//! `the_shipped_model_is_the_model_file` (model.rs), which rewrites this file when
//! they differ. Do not edit.

/// `text_hash` of the model file this was written from.
pub(super) const SOURCE_HASH: u32 = 0x8378de8f;

pub(super) const NAME: &str = "trained by augenblick-train on 411 pages of 324 sites";
pub(super) const SCALE: i32 = 100;
pub(super) const BIAS: [i32; 4] = [122, -268, 56, 32];

/// The features' names, in the order of their hashes, one a line.
pub(super) const FEATURES: &str = "\
schema:ContactPoint\n\
word:step\n\
word:refrigerator\n\
word:comments\n\
word:were\n\
word:fried\n\
word:bowl\n\
word:cholesterol\n\
word:add\n\
schema:Person\n\
word:that\n\
word:facebook\n\
word:ratings\n\
schema:FAQPage\n\
word:chicken\n\
word:save\n\
cue:phone_numbers\n\
word:zaterdag\n\
word:also\n\
word:read\n\
word:are\n\
word:fields\n\
word:cancel\n\
schema:PropertyValue\n\
word:breakfast\n\
word:onions\n\
word:politics\n\
word:much\n\
word:made\n\
schema:Blog\n\
schema:NewsMediaOrganization\n\
word:home\n\
word:prefer\n\
word:love\n\
word:prep\n\
word:android\n\
word:little\n\
word:it’s\n\
word:evenly\n\
word:staff\n\
cue:direction_links\n\
word:slice\n\
word:half\n\
word:president\n\
word:they\n\
word:using\n\
word:trans\n\
word:this\n\
word:affiliate\n\
word:science\n\
word:low\n\
word:pan\n\
word:let\n\
word:you\n\
word:simple\n\
word:sugar\n\
word:golden\n\
word:substitute\n\
word:polyunsaturated\n\
word:onion\n\
word:make\n\
word:salad\n\
word:recipes\n\
word:cooled\n\
word:get\n\
word:pot\n\
word:them\n\
word:than\n\
word:then\n\
word:subscribe\n\
word:phone\n\
word:use\n\
cue:tel_links\n\
word:egg\n\
schema:PostalAddress\n\
word:more\n\
word:slices\n\
word:sodium\n\
word:would\n\
word:sports\n\
schema:SpeakableSpecification\n\
word:cold\n\
word:even\n\
word:thick\n\
word:fryer\n\
schema:Brand\n\
word:keep\n\
word:potato\n\
word:cook\n\
word:calories\n\
word:but\n\
word:cooking\n\
word:frozen\n\
word:olive\n\
word:published\n\
word:notes\n\
schema:Place\n\
word:some\n\
word:required\n\
word:soft\n\
word:reports\n\
cue:prices\n\
word:have\n\
word:sides\n\
word:soup\n\
word:taste\n\
word:pinterest\n\
schema:person\n\
word:three\n\
word:servings\n\
word:creamy\n\
word:pie\n\
word:freeze\n\
word:good\n\
word:eat\n\
word:most\n\
word:sliced\n\
word:sauce\n\
word:pin\n\
word:tomato\n\
word:medium\n\
word:appetizers\n\
word:general\n\
word:your\n\
word:below\n\
word:before\n\
cue:opening_hours\n\
word:vegetarian\n\
word:directions\n\
word:adding\n\
word:making\n\
og:recipe\n\
word:blu\n\
word:rice\n\
word:easy\n\
word:bowls\n\
cue:ingredient_items\n\
word:cookbook\n\
word:i’m\n\
word:crispy\n\
word:address\n\
word:tasty\n\
word:podcasts\n\
word:zondag\n\
schema:BlogPosting\n\
word:like\n\
word:with\n\
word:advertise\n\
word:sprinkle\n\
word:its\n\
word:info\n\
word:will\n\
word:vegan\n\
word:small\n\
word:together\n\
word:votes\n\
word:spread\n\
word:pieces\n\
word:vegetable\n\
word:combine\n\
url:pages\n\
word:reported\n\
word:inch\n\
word:extra\n\
word:texture\n\
word:bottom\n\
word:side\n\
word:prepare\n\
word:author\n\
word:share\n\
word:butter\n\
word:spice\n\
word:monounsaturated\n\
word:without\n\
word:fresh\n\
word:melted\n\
word:protein\n\
word:contact\n\
word:future\n\
word:instagram\n\
word:dinner\n\
word:about\n\
word:heat\n\
word:fridge\n\
word:tried\n\
word:preheat\n\
word:tag\n\
word:oven\n\
word:baked\n\
schema:ReadAction\n\
word:there\n\
word:chopped\n\
word:flour\n\
url:news\n\
word:donderdag\n\
word:gluten\n\
word:until\n\
word:leftovers\n\
word:too\n\
word:bake\n\
word:tsp\n\
word:ook\n\
schema:CreativeWork\n\
word:into\n\
word:salads\n\
word:over\n\
cue:videos\n\
schema:Product\n\
schema:AggregateRating\n\
word:favorites\n\
word:temperature\n\
word:still\n\
word:ons\n\
word:topping\n\
word:bread\n\
word:vanilla\n\
word:lemon\n\
word:place\n\
word:contain\n\
schema:NewsArticle\n\
word:don’t\n\
word:opinion\n\
word:out\n\
word:kosher\n\
word:baking\n\
word:their\n\
word:try\n\
word:parmesan\n\
word:food\n\
word:down\n\
word:toss\n\
word:you’re\n\
word:cooked\n\
word:reduce\n\
word:skip\n\
word:fax\n\
word:comment\n\
schema:QuantitativeValue\n\
schema:VideoObject\n\
word:calcium\n\
word:dinsdag\n\
word:these\n\
word:finely\n\
schema:Rating\n\
word:see\n\
schema:HowToSection\n\
word:located\n\
word:dish\n\
word:search\n\
word:skillet\n\
word:aside\n\
word:iron\n\
word:news\n\
word:two\n\
word:airtight\n\
word:fat\n\
word:audio\n\
schema:NutritionInformation\n\
word:”\n\
word:perfect\n\
word:cuisine\n\
word:pasta\n\
word:paypal\n\
word:oil\n\
word:whole\n\
word:serving\n\
word:combined\n\
schema:OfferItemCondition\n\
word:ingredients\n\
word:whisk\n\
word:links\n\
word:filling\n\
word:cliente\n\
word:juice\n\
word:makes\n\
word:soups\n\
word:terms\n\
word:time\n\
word:flavorful\n\
word:breaking\n\
schema:WebPageElement\n\
word:teaspoon\n\
schema:GeoCoordinates\n\
cue:step_items\n\
word:really\n\
word:snacks\n\
word:trump\n\
word:lightly\n\
schema:AggregateOffer\n\
word:cream\n\
word:may\n\
word:ground\n\
word:did\n\
word:mix\n\
word:unsalted\n\
word:dishes\n\
word:mixture\n\
word:those\n\
schema:Answer\n\
word:broccoli\n\
word:gently\n\
schema:Breadcrumb\n\
word:dry\n\
word:cheese\n\
word:tips\n\
word:vote\n\
word:delicious\n\
word:content\n\
word:sharing\n\
schema:Offer\n\
word:you’ll\n\
word:tablespoons\n\
word:desserts\n\
word:map\n\
word:italian\n\
word:extract\n\
word:yummy\n\
word:kcal\n\
word:mins\n\
word:had\n\
cue:cart_buttons\n\
word:sheet\n\
word:need\n\
word:disclosure\n\
word:total\n\
word:freezer\n\
og:article\n\
word:layer\n\
word:vrijdag\n\
word:which\n\
word:index\n\
word:zucchini\n\
word:chocolate\n\
word:openingstijden\n\
word:going\n\
word:ingredient\n\
word:has\n\
word:while\n\
word:granulated\n\
word:teaspoons\n\
word:serve\n\
word:slightly\n\
word:fiber\n\
word:can\n\
word:enjoy\n\
word:when\n\
word:nutrition\n\
word:het\n\
word:warm\n\
word:former\n\
word:tbsp\n\
word:print\n\
word:cut\n\
word:what\n\
word:newsletters\n\
word:carbohydrates\n\
word:dvd\n\
cue:map_embeds\n\
word:cloves\n\
word:milk\n\
word:flavors\n\
word:meat\n\
word:minutes\n\
word:cup\n\
word:post\n\
word:cake\n\
word:want\n\
word:his\n\
word:powder\n\
word:name\n\
word:hot\n\
word:should\n\
word:marked\n\
word:just\n\
word:pour\n\
word:how\n\
word:saturated\n\
schema:HowToStep\n\
word:cups\n\
word:dessert\n\
word:roasted\n\
word:eggs\n\
word:public\n\
word:from\n\
word:pork\n\
word:pepper\n\
word:reply\n\
schema:InteractionCounter\n\
cue:addresses\n\
schema:Question\n\
word:course\n\
word:favorite\n\
word:€\n\
word:could\n\
word:sweetness\n\
word:and\n\
word:twitter\n\
word:homemade\n\
word:brown\n\
word:honey\n\
word:instructions\n\
word:meal\n\
schema:CommentAction\n\
word:spoon\n\
word:▢\n\
schema:Review\n\
word:garlic\n\
word:remove\n\
word:potassium\n\
word:was\n\
schema:Comment\n\
word:been\n\
word:world\n\
word:jump\n\
word:woensdag\n\
word:flavor\n\
word:says\n\
word:tablespoon\n\
og:product\n\
word:beef\n\
word:year\n\
word:rate\n\
word:maandag\n\
word:call\n\
word:something\n\
word:pumpkin\n\
word:onze\n\
word:recipe\n\
word:meals\n\
word:nov\n\
word:tender\n\
word:november\n\
word:now\n\
word:not\n\
word:water\n\
url:html\n\
word:who\n\
schema:Recipe\n\
word:large\n\
word:rating\n\
word:said\n\
word:mixing\n\
word:rss\n\
word:stir\n\
word:salt\n\
cue:cart_links\n\
word:leave\n\
word:container\n\
word:vitamin\n\
word:sweet\n\
word:muffins\n\
schema:Article";

/// Their weights, in the same order.
pub(super) static WEIGHTS: [[i16; 4]; 452] = [
    [-19, -1, 19, 0],
    [-16, -19, 62, -28],
    [-14, 0, 17, -3],
    [86, 42, -25, -103],
    [102, -42, -46, -16],
    [-23, -1, 27, -3],
    [-67, -21, 112, -25],
    [-10, 0, 11, 0],
    [-122, -35, 68, 90],
    [32, -46, 30, -14],
    [-10, 14, 60, -62],
    [175, -165, 61, -74],
    [-64, 15, 2, 47],
    [-2, 0, 5, 0],
    [-13, 31, -5, -12],
    [-90, -49, -71, 208],
    [-77, 111, -123, -93],
    [-16, 111, -53, -48],
    [206, 19, -87, -148],
    [-2, -32, -36, 70],
    [-18, 79, -25, -37],
    [-17, -1, 22, -4],
    [29, -7, -31, 8],
    [3, 0, -3, 0],
    [19, -9, 89, -99],
    [-10, -1, 18, -6],
    [99, -9, -18, -73],
    [114, -43, -51, -20],
    [19, -59, 54, -16],
    [-34, -1, 41, -5],
    [5, 0, 0, -4],
    [-10, 80, -134, 67],
    [13, -8, 4, -9],
    [-114, 16, 37, 60],
    [-67, -2, 89, -19],
    [-148, -7, 44, 110],
    [18, -7, -18, 6],
    [90, -17, -44, -29],
    [-23, 0, 32, -8],
    [-15, 62, -59, 12],
    [-159, 83, -69, 51],
    [-24, -2, 35, -9],
    [84, -27, -39, -18],
    [84, -1, -24, -58],
    [23, -32, -53, 63],
    [37, 47, -23, -62],
    [-15, -1, 19, -4],
    [-15, -132, 63, 84],
    [49, -4, -28, -17],
    [99, -5, -61, -32],
    [-23, -3, 65, -38],
    [-80, -1, 63, 18],
    [-10, -6, 3, 12],
    [-47, -19, -12, 84],
    [-48, -16, 117, -53],
    [22, -10, 23, -35],
    [-100, -21, 9, 112],
    [-19, 0, 20, -1],
    [-5, 0, 5, 0],
    [-33, -1, 41, -7],
    [-48, 24, -39, 64],
    [-31, -1, 90, -57],
    [-58, -12, 185, -124],
    [-18, -8, 26, -1],
    [38, 78, -51, -63],
    [-73, -11, 3, 82],
    [-19, -28, 6, 41],
    [136, -40, -70, -27],
    [0, -43, 82, -39],
    [81, -50, 104, -134],
    [-42, -9, -19, 84],
    [-54, -102, -3, 158],
    [10, -164, 1, 92],
    [-70, -1, 99, -28],
    [-52, -5, -10, 67],
    [-10, 47, -139, 108],
    [-12, -2, 18, -4],
    [-10, 0, 10, 0],
    [72, 22, -57, -37],
    [-30, -52, -49, 131],
    [9, 0, -3, -1],
    [-17, 0, 31, -13],
    [58, -23, 0, -35],
    [-55, -11, 32, 35],
    [-13, 0, 21, -7],
    [-32, -2, -5, 44],
    [48, -44, 12, -17],
    [-34, -3, 91, -54],
    [30, -13, 35, -51],
    [-16, 0, 29, -11],
    [52, -35, 12, -33],
    [-21, -13, 42, -9],
    [-17, -2, 35, -16],
    [-20, -2, 47, -25],
    [89, -28, 19, -79],
    [53, -1, -36, -16],
    [-43, -5, -18, 67],
    [33, -59, 55, -28],
    [-47, -1, 39, 10],
    [23, -15, 4, -12],
    [62, -29, -18, -14],
    [-50, -38, -72, 65],
    [150, -48, -30, -76],
    [9, -8, -12, 11],
    [-33, 0, 42, -8],
    [-39, 5, -5, 39],
    [49, -43, 156, -162],
    [7, 0, -4, -3],
    [147, -17, -63, -68],
    [-64, -1, 77, -11],
    [-22, -1, 64, -42],
    [-34, -2, 41, -5],
    [-15, 0, 31, -16],
    [-39, 4, -3, 38],
    [-15, -2, 40, -23],
    [73, 18, -15, -80],
    [-40, -2, 45, -4],
    [-186, 25, 198, -39],
    [-84, 24, 96, -36],
    [-4, -1, 60, -56],
    [-28, -10, 58, -19],
    [43, 0, -41, -3],
    [20, 75, -66, -28],
    [-36, 86, 30, -77],
    [21, -13, 57, -65],
    [121, 39, -61, -99],
    [-117, 68, -17, -21],
    [33, -10, -10, -14],
    [-27, 62, 11, -42],
    [61, -10, -29, -22],
    [78, 5, -12, -70],
    [-3, 0, 5, 0],
    [-22, -1, -27, 53],
    [26, -13, 15, -28],
    [-74, -8, 50, 33],
    [-17, 0, 28, -10],
    [-11, -47, 57, -99],
    [-7, 0, 9, -2],
    [-11, -14, -20, 45],
    [-36, -1, 42, -5],
    [-48, 6, 131, -88],
    [73, -2, -49, -22],
    [178, -4, -54, -120],
    [-8, 44, -20, -14],
    [139, -2, -133, -6],
    [-182, 74, 23, 86],
    [-189, 56, -67, 206],
    [101, -51, -32, -18],
    [-24, -8, 38, -6],
    [134, 29, -31, -137],
    [-22, 87, -75, -11],
    [201, 12, 2, -225],
    [-73, -13, 109, -23],
    [-7, -19, 19, 7],
    [-70, 38, 59, -26],
    [-9, -1, 24, -14],
    [-12, -7, 27, -8],
    [-73, -9, 43, 39],
    [-15, -2, 22, -5],
    [15, -21, 23, -17],
    [-121, 190, -22, -93],
    [67, -21, -11, -34],
    [49, -2, 11, -57],
    [-99, -34, 150, -18],
    [-26, 0, 37, -11],
    [-15, 14, -10, 11],
    [26, -35, -23, 32],
    [-29, -8, 45, -7],
    [31, -2, 16, -45],
    [-33, -59, 96, -4],
    [-125, -17, 171, -30],
    [-32, -2, 31, 4],
    [-6, 0, 6, 0],
    [32, -27, 76, -80],
    [-63, 31, -65, 96],
    [-25, 0, 30, -5],
    [-28, -9, 35, 3],
    [-110, 137, -39, -46],
    [10, -9, 50, -50],
    [25, -42, 107, -91],
    [6, -3, 28, -31],
    [12, 57, -111, 45],
    [-25, 26, 19, -19],
    [-20, 0, 28, -8],
    [8, -9, 0, 1],
    [-27, 0, 32, -4],
    [-67, 11, 174, -114],
    [-76, -35, 116, -4],
    [-122, -1, 160, -36],
    [-60, -12, 55, -10],
    [38, 30, -35, -32],
    [-33, -1, 40, -7],
    [-29, -2, 40, -8],
    [290, -27, -63, -214],
    [-13, 104, -50, -43],
    [-61, -10, 94, -22],
    [-67, 20, 58, -10],
    [-17, 0, 22, -5],
    [-14, -9, -24, 48],
    [-33, 0, 37, -4],
    [34, -8, -15, -10],
    [-33, 17, 50, -32],
    [-60, -3, 75, -12],
    [86, -50, 37, -73],
    [39, 0, -32, -6],
    [-27, 44, 103, -121],
    [44, -91, 67, 0],
    [-72, -39, -62, 89],
    [-26, -30, 17, 41],
    [-20, 0, 41, -20],
    [-103, 36, 38, 30],
    [82, -18, -31, -34],
    [-23, 99, -34, -41],
    [-40, -2, 45, -3],
    [-58, -3, 77, -16],
    [27, -2, -12, -13],
    [8, -1, -5, -3],
    [-103, 5, 47, 50],
    [52, 0, -45, -7],
    [72, -23, -31, -64],
    [46, 3, -43, -6],
    [50, -4, -14, -31],
    [108, -10, -32, -66],
    [-10, -1, 20, -10],
    [-8, -10, 8, 11],
    [160, -39, 23, -152],
    [-22, 18, -18, 22],
    [-79, -5, 105, -20],
    [-120, 20, 112, -10],
    [119, -3, 96, -212],
    [-13, 0, 18, -5],
    [96, -23, 9, -82],
    [-34, -1, 26, 9],
    [64, -36, -35, 7],
    [77, 10, -13, -74],
    [-73, 88, -20, -6],
    [50, -30, 12, -32],
    [-10, -2, -2, 13],
    [-11, -1, 8, 10],
    [-8, 0, 8, 0],
    [-18, 72, 1, -58],
    [60, -39, -83, 64],
    [-22, -1, 25, -2],
    [-31, -8, 25, 12],
    [50, -2, -6, -42],
    [-8, 0, 12, 0],
    [5, 50, -13, -38],
    [-52, -1, 57, -3],
    [87, -10, -56, -20],
    [-23, -1, 24, -1],
    [29, -8, -18, -3],
    [-8, 0, 19, -10],
    [187, 36, -110, -137],
    [73, -4, -84, 16],
    [-5, 0, 5, 0],
    [-34, -10, 60, -16],
    [-156, -43, -122, 272],
    [79, -10, -24, -14],
    [203, -39, -63, -115],
    [-41, 28, 50, -37],
    [-63, -1, 65, -1],
    [-29, -5, 51, -15],
    [-39, -4, -60, 101],
    [-54, 24, 54, -23],
    [2, -11, 13, -3],
    [-30, -1, 58, -27],
    [-1, -8, 20, -11],
    [0, 0, 0, 1],
    [-86, -12, 124, -28],
    [-29, -8, 49, -12],
    [75, 65, 26, -165],
    [-50, -3, 40, 14],
    [-62, -3, -12, 80],
    [37, -8, -21, -8],
    [83, -8, -33, -43],
    [-23, 0, 34, -11],
    [143, -162, 12, -2],
    [-26, -42, 143, -75],
    [-18, 0, 25, -6],
    [83, -21, -15, -47],
    [29, 0, -28, -1],
    [-24, -1, 33, -8],
    [-8, -1, -5, 13],
    [-12, -85, 46, -24],
    [35, -19, -33, 17],
    [2, -2, 106, -105],
    [85, -20, -32, -32],
    [-8, 0, 8, 0],
    [-64, -6, -19, 91],
    [11, -3, 13, -21],
    [-84, 35, 18, 33],
    [12, -21, -1, 10],
    [27, -24, 14, -17],
    [36, -13, 0, -23],
    [-20, 0, 24, -4],
    [-46, -1, 52, -5],
    [16, 0, -4, -12],
    [118, -16, -25, -76],
    [-4, 0, 4, 3],
    [-12, 0, 12, 0],
    [-21, 0, 21, 0],
    [2, 0, -4, 2],
    [-43, -2, 38, 7],
    [-36, -3, 62, -23],
    [33, -11, 8, -30],
    [4, 0, 5, -9],
    [111, -12, -66, -32],
    [202, 1, -32, -173],
    [1, -2, -55, 55],
    [-68, -36, -46, 80],
    [41, -1, -18, -22],
    [26, -1, -17, -8],
    [-81, -12, 181, -86],
    [-79, 8, -55, 136],
    [-29, 0, 30, -1],
    [-11, 0, 22, -11],
    [-19, 0, 20, -1],
    [-144, -14, 212, -63],
    [-36, -1, 133, -96],
    [100, -29, -59, -13],
    [-38, 33, 32, -21],
    [-21, -5, 22, 4],
    [46, -30, -36, 20],
    [62, -11, -42, -9],
    [2, -2, 45, -44],
    [-34, -8, 53, -10],
    [109, -42, 61, -158],
    [-62, -1, 17, 46],
    [-16, 111, -53, -48],
    [85, -18, -34, -33],
    [-102, -6, 172, -62],
    [-54, -4, 98, -40],
    [-12, 25, 25, -39],
    [-11, 62, -28, -21],
    [142, -23, -53, -66],
    [-11, -20, 34, -3],
    [26, 30, 31, -88],
    [105, -7, -17, -81],
    [-18, 0, 26, -7],
    [-15, 0, 23, -8],
    [-72, -10, 117, -33],
    [-24, -18, 30, 12],
    [-7, 0, 7, -1],
    [28, -18, -22, 14],
    [-94, 25, 61, 9],
    [98, -8, 55, -145],
    [18, -9, 11, -21],
    [-35, 22, 53, -36],
    [-23, -9, 88, -56],
    [39, -2, -9, -28],
    [48, 0, -38, -10],
    [-150, 17, 56, 77],
    [96, -15, -14, -67],
    [9, 36, -39, -8],
    [48, -8, 10, -49],
    [-14, 0, 19, -5],
    [-109, -5, -70, 156],
    [-138, 179, 112, -187],
    [22, -1, -15, -6],
    [-29, 0, 24, 6],
    [26, -8, -10, -9],
    [-37, -2, 54, -14],
    [-10, 11, 148, -149],
    [23, -4, 2, -20],
    [94, -26, -85, 16],
    [-6, -10, 28, -12],
    [-25, 2, 14, 9],
    [46, -17, 11, -39],
    [1, -10, 22, -13],
    [-63, 58, 6, 0],
    [-26, -17, -42, 85],
    [36, -11, -20, -5],
    [-13, -1, 21, -8],
    [120, -12, -13, -96],
    [-3, -8, 15, -4],
    [-5, -31, 29, 6],
    [-12, 0, 16, -4],
    [15, -17, 42, -62],
    [45, -4, 3, -44],
    [0, -2, 14, -12],
    [-12, 0, 55, -42],
    [-18, -1, 24, -5],
    [105, -26, -35, -42],
    [-57, 12, -8, 53],
    [-45, -9, 64, -9],
    [-60, -1, 113, -51],
    [39, -12, -42, 15],
    [5, -7, 5, -2],
    [-69, 121, -46, -181],
    [-4, 0, 4, 3],
    [4, 35, 23, -62],
    [-46, -20, 20, 47],
    [-154, -20, -34, 161],
    [40, -10, -48, 19],
    [-6, -8, 15, -1],
    [113, 84, -54, -143],
    [-28, -77, -43, 175],
    [22, -8, -13, -1],
    [-9, -2, 6, 5],
    [28, -3, -56, 31],
    [-65, -3, -30, 98],
    [-51, -9, 138, -78],
    [-35, -4, 36, -5],
    [17, -8, 6, -15],
    [-10, 0, 10, 0],
    [-39, -9, 28, 19],
    [-40, -1, 53, -11],
    [-1, -1, 12, -10],
    [-8, 0, 9, 0],
    [154, -116, 7, -72],
    [20, -7, -11, -2],
    [126, -22, -89, -17],
    [105, -10, -38, -59],
    [-34, 0, 49, -14],
    [-8, 49, -25, -15],
    [32, -8, -9, -14],
    [64, -44, 16, -35],
    [35, -1, -26, -8],
    [-30, -12, -17, 52],
    [41, -1, -26, -14],
    [89, -29, -38, -25],
    [-30, -15, 7, 38],
    [-16, 109, -54, -49],
    [-31, 83, -27, -26],
    [37, -14, -35, 11],
    [-5, -1, 5, 0],
    [-21, 60, -16, -20],
    [-92, -13, 214, -121],
    [35, 0, -25, -9],
    [83, -55, -5, -23],
    [-21, -5, 32, -5],
    [201, -20, -93, -98],
    [116, 8, -65, -61],
    [73, -24, -69, 23],
    [-8, 8, 64, -64],
    [41, 70, -167, 76],
    [105, -27, -73, -5],
    [-98, -33, 106, -81],
    [-2, -8, 3, 7],
    [-80, -3, 35, 47],
    [107, -36, -10, -67],
    [-10, -2, 15, -4],
    [280, 12, -155, -154],
    [8, -8, 11, -10],
    [-236, -23, 234, 15],
    [-42, -69, -44, 63],
    [68, 19, -24, -64],
    [-14, 0, 6, 8],
    [-12, -1, 8, 4],
    [-63, 12, 115, -64],
    [-20, 0, 25, -5],
    [130, 37, -39, -93],
];
