package api

import (
	"errors"
	"strconv"

	"doorstep/search"
	"doorstep/server/market"
)

// The search limits live in one place, search.Query.Validate (and
// WorkshopQuery.Validate), which the engines apply too: the handlers parse
// the text of each parameter and then ask the same validation, so the API
// and the engines can never disagree on a bound. searchError words its
// answer for people, naming the parameter.
func searchError(err error) error {
	var pe *search.ParamError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pe):
		zh, en := searchParamText(pe.Param)
		return market.FieldError(pe.Param, zh, en+" ("+pe.Reason+")")
	case errors.Is(err, search.ErrInvalidQuery):
		return market.FieldError("q", "搜索条件无效", "invalid search")
	}
	return err
}

func searchParamText(param string) (zh, en string) {
	maxPage := strconv.Itoa(search.MaxResultWindow)
	switch param {
	case "page":
		return "页码需为1以上，且最多翻到第 " + maxPage + " 条结果，请缩小搜索范围", "page too deep; narrow the search"
	case "per_page":
		return "每页条数需在1到" + strconv.Itoa(search.MaxPerPage) + "之间", "per_page must be 1.." + strconv.Itoa(search.MaxPerPage)
	case "radius_km":
		return "半径需在0到" + strconv.Itoa(search.MaxRadiusKm) + "公里之间", "radius_km must be 0.." + strconv.Itoa(search.MaxRadiusKm)
	case "near":
		return "按距离筛选或排序需要提供位置（纬度,经度）", "a distance filter or sort needs near=lat,lng"
	case "sort":
		return "排序方式无效", "unknown sort"
	case "deposit":
		return "保证金类型无效", "deposit must be none, fixed, per_unit or percent_of_material"
	case "craft":
		return "手工类别无效或过多", "unknown or too many crafts"
	case "region":
		return "行政区划代码无效", "unknown region code"
	case "price_max":
		return "最高价需不低于最低价", "price_max must be at least price_min"
	}
	return "搜索条件无效", "invalid search"
}
